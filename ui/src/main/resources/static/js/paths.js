// Path finder: two entities → GET /api/paths → the shortest paths drawn on the canvas and highlighted.
import { api } from './api.js';
import * as canvas from './canvas.js';
import { attachSuggest } from './search.js';
import * as inspector from './inspector.js';
import { el, busy, status } from './dom.js';

let from; let to;

export function init() {
  const fromInput = document.getElementById('path-from');
  const toInput = document.getElementById('path-to');
  from = attachSuggest(fromInput, () => toInput.focus());
  // Enter in "To" finds the paths, as the form's submit button would
  to = attachSuggest(toInput, (entity, how) => { if (how === 'enter') find(); });
  document.getElementById('path-form').addEventListener('submit', (ev) => { ev.preventDefault(); find(); });
  document.getElementById('path-clear').addEventListener('click', () => { canvas.clearHighlight(); canvas.unfocus(); });
  document.addEventListener('engram-path-from', (ev) => {
    fromInput.value = ev.detail.name;
    fromInput.dataset.entityId = ev.detail.id;
    document.dispatchEvent(new CustomEvent('engram-open-tab', { detail: 'paths' }));
    toInput.focus();
  });
  fromInput.addEventListener('input', () => delete fromInput.dataset.entityId);
}

async function resolve(input, combo) {
  if (combo.chosen()) return combo.chosen();
  if (input.dataset.entityId) return { id: input.dataset.entityId, name: input.value };
  const q = input.value.trim();
  if (!q) return null;
  const hits = await api.entities(q, 5);
  return hits.find((h) => (h.name || '').toLowerCase() === q.toLowerCase()) || hits[0] || null;
}

async function find() {
  const out = document.getElementById('path-result');
  const result = await busy('Finding paths…', async () => {
    const a = await resolve(document.getElementById('path-from'), from);
    const b = await resolve(document.getElementById('path-to'), to);
    if (!a || !b) throw new Error('Choose two entities');
    const hops = Number(document.getElementById('path-hops').value) || 3;
    return { a, b, paths: await api.paths(a.id, b.id, hops) };
  });
  if (!result) return;
  const { a, b, paths } = result;
  if (!paths.length) {
    out.replaceChildren(el('p', { class: 'muted', id: 'path-none' }, `No path between ${a.name} and ${b.name} within the hop limit.`));
    status('No path found');
    return;
  }
  const cy = canvas.instance();
  let drawn = cy.collection();
  canvas.unfocus();
  canvas.clearHighlight();
  const perPath = [];
  cy.batch(() => {
    paths.forEach((p) => {
      let mine = cy.collection();
      p.nodes.forEach((n, i) => { mine = mine.union(canvas.addEntity(n, { index: i, of: p.nodes.length })); });
      p.edges.forEach((e) => { mine = mine.union(canvas.addRelation(e)); });
      perPath.push(mine);
      drawn = drawn.union(mine);
    });
  });
  canvas.highlight(drawn, 'path');
  canvas.focusOn(drawn, `${paths.length} path${paths.length > 1 ? 's' : ''}: ${a.name} → ${b.name}`, 'breadthfirst');
  const name = (p, id) => (p.nodes.find((n) => n.id === id) || {}).name || id;
  const facts = []; const slots = [];
  const rows = paths.map((p, k) => {
    const steps = p.edges.map((e, i) => {
      const forward = e.source === p.nodes[i].id;
      const slot = el('span', { class: 'evidence-slot' });
      facts.push(e); slots.push(slot);
      return el('div', { class: 'path-step' }, forward ? `${name(p, e.source)} —${e.predicate}→ ${name(p, e.target)}`
        : `${name(p, e.target)} ←${e.predicate}— ${name(p, e.source)}`, slot);
    });
    const text = p.nodes.map((n, i) => {
      if (i === 0) return n.name;
      const e = p.edges[i - 1];
      return e.source === p.nodes[i - 1].id ? ` —${e.predicate}→ ${name(p, e.target)}` : ` ←${e.predicate}— ${name(p, e.source)}`;
    }).join('');
    const row = el('li', { class: 'found-path', tabindex: '0', dataset: { path: String(k) }, title: 'Focus this path on the canvas' },
      el('span', { class: 'path-text' }, text), el('div', { class: 'path-steps' }, steps));
    const pick = () => {
      document.querySelectorAll('#path-list .found-path').forEach((r) => r.classList.toggle('active', r === row));
      canvas.spotlight(perPath[k]);
      status(`Path ${k + 1} focused`);
    };
    row.addEventListener('click', (ev) => { if (!ev.target.closest('button')) pick(); });
    row.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') pick(); });
    return row;
  });
  out.replaceChildren(el('h3', {}, `${paths.length} shortest path${paths.length > 1 ? 's' : ''}`),
    el('ol', { class: 'paths', id: 'path-list' }, rows));
  inspector.fillEvidence(facts, slots);
}
