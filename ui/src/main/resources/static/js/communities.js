// Communities: browse the levels of the community hierarchy the caller may see, open one (summary, keywords, cited
// facts and sentences, member entities, sub-communities), put its members on the canvas, and colour the canvas by
// community.
import { api } from './api.js';
import * as canvas from './canvas.js';
import * as inspector from './inspector.js';
import { el, busy, status, clip } from './dom.js';

const $ = (id) => document.getElementById(id);
let colouring = false;

export function init() {
  $('communities-refresh').addEventListener('click', () => refresh());
  $('communities-level').addEventListener('change', () => refresh());
  $('communities-colour').addEventListener('click', () => toggleColour());
  canvas.on('change', () => { if (colouring) scheduleColour(); });
}

export async function refresh() {
  const level = Number($('communities-level').value) || 0;
  const r = await busy('Loading communities…', () => api.communities(level));
  if (!r) return;
  const select = $('communities-level');
  const levels = Math.max(1, r.levels);
  if (select.options.length !== levels) {
    select.replaceChildren(...Array.from({ length: levels }, (_, i) => el('option', { value: String(i) },
      i === 0 ? '0 (coarsest)' : String(i))));
    select.value = String(Math.min(level, levels - 1));
  }
  $('communities-count').textContent = `${r.communities.length} communit${r.communities.length === 1 ? 'y' : 'ies'} at level ${r.level}`;
  $('communities-list').replaceChildren(...r.communities.map((c) => el('li', { class: 'community', dataset: { id: c.id } },
    el('button', { type: 'button', class: 'link', onclick: () => open(c.id) }, c.title || c.id),
    el('span', { class: 'muted small' }, ` ${c.size} entities · ${c.documentCount} docs`))));
  if (!r.communities.length) $('community-detail').replaceChildren(el('p', { class: 'muted' }, 'No communities yet: run engram communities, or ingest documents.'));
}

export async function open(id) {
  const c = await busy('Opening community…', () => api.community(id));
  if (!c) return;
  const evidence = (lines, cls) => el('ul', { class: cls }, lines.map((l) => el('li', {}, l.text, ' ',
    el('button', { type: 'button', class: 'link small', onclick: () => inspector.showChunk(l.chunkId) }, `[${l.title || l.chunkId}]`))));
  $('community-detail').replaceChildren(
    el('h3', { id: 'community-title' }, c.title),
    el('p', { class: 'muted' }, `${c.id} · level ${c.level} · ${c.size} entities · ${c.documentCount} documents`
      + (c.parentId ? ` · inside ${c.parentId}` : '')),
    c.keywords.length ? el('p', { class: 'entity-chips' }, c.keywords.map((k) => el('span', { class: 'chip' }, k))) : null,
    el('p', { class: 'community-summary', id: 'community-summary' }, clip(c.report || c.summary, 900)),
    c.facts.length ? el('h4', {}, 'Facts') : null, evidence(c.facts, 'community-facts'),
    c.sentences.length ? el('h4', {}, 'Representative sentences') : null, evidence(c.sentences, 'community-sentences'),
    el('h4', {}, `Entities (${c.entities.length})`),
    el('p', { class: 'entity-chips', id: 'community-entities' }, c.entities.map((e) => el('button', { type: 'button', class: 'chip link',
      onclick: () => { const n = canvas.addEntity(e); canvas.select(n.id()); inspector.showEntity(n.id()); } }, e.name))),
    el('button', { type: 'button', id: 'community-show', onclick: () => show(c) }, 'Show on canvas'),
    c.children.length ? el('h4', {}, `Sub-communities (${c.children.length})`) : null,
    c.children.length ? el('ul', {}, c.children.map((ch) => el('li', {}, el('button', { type: 'button', class: 'link',
      onclick: () => open(ch.id) }, ch.title || ch.id), el('span', { class: 'muted small' }, ` ${ch.size} entities`)))) : null);
}

function show(c) {
  const cy = canvas.instance();
  let added = cy.collection();
  cy.batch(() => c.entities.slice(0, 60).forEach((e, i) => {
    added = added.union(canvas.addEntity(e, { index: i, of: Math.min(60, c.entities.length) }));
  }));
  canvas.layout('cose', added);
  if (!colouring) toggleColour();
  status(`Showing ${added.length} entities of ${c.title}`);
}

async function toggleColour() {
  colouring = !colouring;
  $('communities-colour').setAttribute('aria-pressed', String(colouring));
  if (!colouring) { canvas.clearCommunityColours(); return; }
  await colour();
}

let pending;
function scheduleColour() {
  clearTimeout(pending);
  pending = setTimeout(() => colour(), 300);
}

async function colour() {
  const refs = canvas.entityRefs();
  if (!refs.length) return;
  const level = Number($('communities-level').value) || 0;
  const membership = await busy('Colouring by community…', () => api.communityOf(refs.slice(0, 2000), level));
  if (membership) status(`Coloured ${Object.keys(membership).length} entities in ${canvas.colourByCommunity(membership)} communities`);
}
