// Wires the explorer together: header search, canvas toolbar and keys, tabs, Escape handling, and the
// window.engram debug hook used by the browser tests.
import { apiKey, setApiKey } from './api.js';
import * as canvas from './canvas.js';
import * as inspector from './inspector.js';
import * as ask from './ask.js';
import * as paths from './paths.js';
import * as cypher from './cypher.js';
import * as sparql from './sparql.js';
import * as documents from './documents.js';
import * as communities from './communities.js';
import * as overview from './overview.js';
import * as curate from './curate.js';
import { attachSuggest } from './search.js';
import { busy, status } from './dom.js';

const errors = [];
window.addEventListener('error', (e) => errors.push(String(e.message || e)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason && e.reason.message || e.reason)));

const $ = (id) => document.getElementById(id);

function updateStats(s) {
  $('canvas-stats').textContent = `${s.nodes} node${s.nodes === 1 ? '' : 's'} · ${s.edges} edge${s.edges === 1 ? '' : 's'}`
    + (s.hidden ? ` · ${s.hidden} hidden` : '');
  $('canvas-empty').hidden = s.nodes > 0;
}

/** Clearing the canvas asks first: the button turns into "Confirm clear" until it is pressed again or left. */
function initClear() {
  const button = $('clear-canvas');
  const reset = () => { button.dataset.confirm = ''; button.textContent = 'Clear'; };
  button.addEventListener('click', () => {
    if (button.dataset.confirm !== 'yes') {
      button.dataset.confirm = 'yes';
      button.textContent = 'Confirm clear';
      status('Press “Confirm clear” to remove everything from the canvas', 'hint');
      return;
    }
    reset();
    canvas.clear();
    overview.leave();
    inspector.close();
    status('Canvas cleared');
  });
  button.addEventListener('blur', reset);
}

/** The tools drawer: drag its top edge, or focus it and use the arrow keys, to give the canvas more or less room. */
function initDrawerResize() {
  const handle = $('drawer-resize');
  const drawer = $('drawer');
  const set = (percent) => {
    const p = Math.max(15, Math.min(85, Math.round(percent)));
    drawer.style.setProperty('--drawer-height', p + '%');
    handle.setAttribute('aria-valuenow', String(p));
    localStorage.setItem('engram.drawerHeight', String(p));
  };
  const saved = Number(localStorage.getItem('engram.drawerHeight'));
  if (saved) set(saved);
  handle.addEventListener('pointerdown', (ev) => {
    ev.preventDefault();
    handle.setPointerCapture(ev.pointerId);
    const work = drawer.parentElement.getBoundingClientRect();
    const move = (e) => set(((work.bottom - e.clientY) / work.height) * 100);
    const up = () => { handle.removeEventListener('pointermove', move); handle.removeEventListener('pointerup', up); };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('keydown', (ev) => {
    const now = Number(handle.getAttribute('aria-valuenow'));
    if (ev.key === 'ArrowUp') { ev.preventDefault(); set(now + 5); }
    if (ev.key === 'ArrowDown') { ev.preventDefault(); set(now - 5); }
  });
}

function initFocusBar() {
  canvas.on('focus', (f) => {
    $('focus-bar').hidden = !f;
    $('focus-title').textContent = f ? f.title : '';
  });
  $('focus-back').addEventListener('click', () => { canvas.unfocus(); status('Back to the full graph'); });
}

async function activate(nodeId) {
  const cy = canvas.instance();
  const node = cy.getElementById(nodeId);
  if (node.empty() || node.data('kind') !== 'Entity') return;
  const wasExpanded = canvas.isExpanded(nodeId);
  const hood = await busy(wasExpanded ? 'Collapsing…' : 'Expanding…', () => canvas.toggleExpand(nodeId).then(() => true));
  if (hood) {
    status(wasExpanded ? `Collapsed ${node.data('label')}` : `Expanded ${node.data('label')}`);
    if (node.selected()) inspector.showEntity(nodeId);
  }
}

function openTab(name) {
  document.querySelectorAll('[role="tab"]').forEach((t) => {
    const on = t.dataset.tab === name;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  });
  $('drawer').classList.remove('closed');
  if (name === 'documents') documents.refresh();
  if (name === 'communities') communities.refresh();
  const first = $(`panel-${name}`).querySelector('input, textarea, select, button');
  if (first) first.focus();
}

function closeDrawer() {
  $('drawer').classList.add('closed');
  document.querySelectorAll('[role="tab"]').forEach((t) => t.setAttribute('aria-selected', 'false'));
}

function initTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => {
      if (t.getAttribute('aria-selected') === 'true' && !$('drawer').classList.contains('closed')) closeDrawer();
      else openTab(t.dataset.tab);
    });
    t.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
        const next = tabs[(i + (ev.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
        next.focus();
        openTab(next.dataset.tab);
        next.focus();
      }
    });
  });
  $('drawer-close').addEventListener('click', closeDrawer);
  document.addEventListener('engram-open-tab', (ev) => openTab(ev.detail));
}

function initToolbar() {
  $('layout-run').addEventListener('click', () => canvas.layout($('layout').value));
  $('layout').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') canvas.layout($('layout').value); });
  $('zoom-in').addEventListener('click', () => canvas.zoomBy(1.25));
  $('zoom-out').addEventListener('click', () => canvas.zoomBy(0.8));
  $('fit').addEventListener('click', () => canvas.fit());
  $('show-hidden').addEventListener('click', () => canvas.showHidden());
  $('clear-highlight').addEventListener('click', () => canvas.clearHighlight());
  $('overview').addEventListener('click', () => overview.show());
  $('inspector-close').addEventListener('click', () => inspector.close());
  const key = $('api-key');
  key.value = apiKey();
  key.addEventListener('change', () => { setApiKey(key.value.trim()); status(key.value.trim() ? 'API key saved' : 'API key cleared'); });
}

function initCanvasKeys() {
  const box = $('cy');
  box.addEventListener('keydown', (ev) => {
    const cy = canvas.instance();
    const sel = canvas.selected();
    if (ev.key === 'Enter' && sel && sel.isNode()) { ev.preventDefault(); activate(sel.id()); }
    else if ((ev.key === 'n' || ev.key === 'N') && cy.nodes().length) {
      const nodes = cy.nodes();
      const at = sel && sel.isNode() ? nodes.indexOf(sel) : -1;
      canvas.select(nodes[(at + (ev.key === 'n' ? 1 : nodes.length - 1)) % nodes.length].id());
      canvas.instance().center(canvas.selected());
    } else if (ev.key === 'p' && sel && sel.isNode()) { canvas.togglePin(sel.id()); inspector.showNode(sel); }
    else if ((ev.key === 'h' || ev.key === 'Delete') && sel && sel.isNode()) { canvas.hide(sel.id()); inspector.close(); }
    else if (ev.key === '+' || ev.key === '=') canvas.zoomBy(1.25);
    else if (ev.key === '-') canvas.zoomBy(0.8);
    else if (ev.key === 'f') canvas.fit();
    else if (ev.key === 'o') overview.show();
    else if (ev.key.startsWith('Arrow')) {
      ev.preventDefault();
      const d = 60;
      cy.panBy({ x: ev.key === 'ArrowLeft' ? d : ev.key === 'ArrowRight' ? -d : 0, y: ev.key === 'ArrowUp' ? d : ev.key === 'ArrowDown' ? -d : 0 });
    }
  });
}

function initEscape() {
  document.addEventListener('keydown', (ev) => {
    const target = ev.target;
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      $('search').focus();
      return;
    }
    if (ev.key === '?' && !typing) {
      ev.preventDefault();
      $('help').open = !$('help').open;
      return;
    }
    if (ev.key === 'Escape' && ($('help').open || $('settings').open)) {
      $('help').open = false;
      $('settings').open = false;
      return;
    }
    if (ev.key !== 'Escape' || ev.defaultPrevented) return;
    if ($('drawer').contains(target) && !$('drawer').classList.contains('closed')) {
      closeDrawer();
      $('search').focus();
    } else if (!$('inspector').classList.contains('closed')) {
      inspector.close();
      if ($('inspector').contains(target)) $('cy').focus();
    } else if (!$('drawer').classList.contains('closed')) {
      closeDrawer();
    }
  });
}

function initSearch() {
  const input = $('search');
  attachSuggest(input, (entity) => {
    // the overview is a starting point: what the user picked replaces it
    if (overview.isShowing()) { canvas.clear(); overview.leave(); }
    canvas.unfocus();
    const node = canvas.addEntity(entity);
    canvas.select(node.id());
    canvas.instance().center(node);
    status(`Added ${entity.name}; press Enter on the canvas or double-click to expand`, 'hint');
    $('cy').focus();
  });
  document.addEventListener('engram-error', (ev) => status(ev.detail, 'error'));
}

function main() {
  canvas.init($('cy'));
  new ResizeObserver(() => canvas.instance().resize()).observe($('cy'));
  canvas.on('change', updateStats);
  canvas.on('activate', activate);
  // on the overview, one click opens an entity's neighbourhood
  canvas.on('tap', (node) => {
    if (!overview.isShowing() || node.data('kind') !== 'Entity') return;
    overview.leave();
    activate(node.id());
  });
  inspector.init();
  ask.init();
  paths.init();
  cypher.init();
  sparql.init();
  documents.init();
  communities.init();
  curate.init();
  initSearch();
  initClear();
  initDrawerResize();
  initFocusBar();
  initTabs();
  initToolbar();
  initCanvasKeys();
  initEscape();
  updateStats(canvas.stats());
  const first = overview.show();

  // debug and test hook
  window.engram = {
    canvas, errors,
    loadSynthetic: (n) => canvas.loadSynthetic(n),
    measureInteraction: (steps) => canvas.measureInteraction(steps),
    measureLabelWork: (steps) => canvas.measureLabelWork(steps),
    nodes: (selector) => canvas.nodeSummaries(selector),
    stats: () => canvas.stats(),
    openTab,
    labels: () => canvas.labelReport(),
    ready: true,
  };
  // time to interactive: from navigation start until the overview is drawn and the page answers input
  first.finally(() => requestAnimationFrame(() => {
    document.body.dataset.interactiveMs = String(Math.round(performance.now()));
    document.body.dataset.ready = 'true';
  }));
}

main();
