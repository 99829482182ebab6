// The right-hand inspector: properties of the selected node or edge; an entity's chunks and triples with their
// provenance; a chunk's text with previous/next navigation and its document; a document's chunks.
import { api } from './api.js';
import * as canvas from './canvas.js';
import { el, busy, status, clip, highlighted } from './dom.js';

let body;
let title;
const documents = new Map(); // document id -> DocumentView, for chunk navigation
let showToken = 0;

export function init() {
  body = document.getElementById('inspector-body');
  title = document.getElementById('inspector-title');
  canvas.on('select', (ele) => {
    if (!ele) return;
    if (ele.isNode()) showNode(ele); else showEdge(ele);
  });
}

export function open() {
  document.getElementById('inspector').classList.remove('closed');
}

export function close() {
  document.getElementById('inspector').classList.add('closed');
}

function render(heading, ...content) {
  open();
  title.textContent = heading;
  // replaceChildren prints null as "null": an absent section must be dropped, not passed on
  body.replaceChildren(...content.filter((c) => c !== null && c !== undefined && c !== false));
  body.dataset.showing = shownId || '';
}

let shownId = null; // the document id the inspector shows (a document, or one of its chunks)

/** Closes the inspector if it shows document {@code id} or one of its chunks (after a delete). */
export function forgetDocument(id) {
  documents.delete(id);
  if (shownId === id) { shownId = null; body.replaceChildren(); close(); }
}

function props(entries) {
  return el('dl', { class: 'props' }, entries.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))]));
}

function chunkLink(id, label) {
  return el('button', { class: 'link chunk-link', type: 'button', dataset: { chunkId: id }, onclick: () => showChunk(id) }, label || id);
}

function entityLink(entity) {
  return el('button', { class: 'link entity-link', type: 'button', dataset: { entityId: entity.id },
    title: 'Add to the canvas and inspect',
    onclick: () => { const n = canvas.addEntity(entity); canvas.select(n.id()); } }, entity.name || entity.id);
}

/** Shows what the canvas element {@code node} is. */
export function showNode(node) {
  const kind = node.data('kind');
  if (node.data('synthetic')) return render(node.data('label'), props([['kind', 'synthetic ' + kind], ['degree', node.degree()]]));
  if (kind === 'Entity') return showEntity(node.id());
  if (kind === 'Chunk') return showChunk(node.data('ref'));
  if (kind === 'Document') return showDocument(node.data('ref'));
  return render(node.data('label') || node.id(), props(Object.entries(node.data('props') || {})));
}

function entityActions(nodeId) {
  const node = canvas.instance().getElementById(nodeId);
  const expanded = canvas.isExpanded(nodeId);
  return el('div', { class: 'actions' },
    el('button', { type: 'button', id: 'action-expand', onclick: async () => {
      await busy('Expanding…', () => (expanded ? Promise.resolve(canvas.collapse(nodeId)) : canvas.expand(nodeId)));
      showEntity(nodeId);
    } }, expanded ? 'Collapse' : 'Expand'),
    expanded && node.data('truncated') ? el('button', { type: 'button', id: 'action-more', onclick: async () => {
      await busy('Loading more…', () => canvas.showMore(nodeId));
      showEntity(nodeId);
    } }, 'Show more') : null,
    el('button', { type: 'button', id: 'action-pin', 'aria-pressed': String(node.locked()),
      onclick: () => { canvas.togglePin(nodeId); showEntity(nodeId); } }, node.locked() ? 'Unpin' : 'Pin'),
    el('button', { type: 'button', id: 'action-hide', onclick: () => { canvas.hide(nodeId); close(); status('Hidden; “Show hidden” brings it back'); } }, 'Hide'),
    el('button', { type: 'button', id: 'action-path-from', onclick: () => document.dispatchEvent(
      new CustomEvent('engram-path-from', { detail: { id: node.data('ref'), name: node.data('label') } })) }, 'Path from here'));
}

/**
 * The supporting sentences of {@code facts} ({source, target, predicate, chunkIds}), each with its entities marked
 * and its document's title, filled into {@code slots} (one element per fact) as they arrive.
 */
export async function fillEvidence(facts, slots) {
  if (!facts.length) return;
  const answer = await api.evidence(facts.slice(0, 100)).catch((e) => { status(e.message, 'error'); return null; });
  if (!answer) return;
  answer.forEach((item, i) => slots[i] && slots[i].replaceChildren(...evidenceLines(item.sentences)));
}

/**
 * One line per supporting sentence: the sentence with its entities marked, then where it is — the document title
 * with page and section when the document has them (as a citation shows it), else the passage number.
 */
export function evidenceLines(sentences) {
  return (sentences || []).map((s) => el('span', { class: 'evidence', dataset: { chunkId: s.chunkId } },
    '“', highlighted(s.sentence, s.terms), '” ',
    el('button', { type: 'button', class: 'link small source', onclick: () => showChunk(s.chunkId),
      title: `Open the passage (passage ${s.index + 1})` },
    `${s.title || s.documentId}, ${s.place || `passage ${s.index + 1}`}`)));
}

/** An entity: its properties, actions, the chunks mentioning it and its triples with provenance. */
export async function showEntity(nodeId) {
  shownId = null;
  const token = ++showToken;
  const node = canvas.instance().getElementById(nodeId);
  if (node.empty()) return;
  const id = node.data('ref');
  render(node.data('label'), props([['kind', 'Entity'], ['id', id], ['chunks', node.data('chunkCount')]]),
    entityActions(nodeId), el('p', { class: 'muted' }, 'Loading chunks and triples…'));
  const hood = await busy('Loading entity…', () => api.neighbourhood(id, 25));
  if (!hood || token !== showToken) return;
  const names = new Map([[hood.center.id, hood.center.name], ...hood.nodes.map((n) => [n.id, n.name])]);
  const triples = hood.edges.filter((e) => e.type === 'RELATION');
  const synonyms = hood.edges.filter((e) => e.type === 'SYNONYM');
  const slots = triples.map(() => el('span', { class: 'evidence-slot' }));
  render(hood.center.name || id,
    props([['kind', 'Entity'], ['id', id], ['chunks', hood.center.chunkCount]]),
    entityActions(nodeId),
    curationActions(hood.center),
    el('h3', {}, `Mentioned in (${hood.chunks.length}${hood.truncated ? '+' : ''})`),
    el('ul', { class: 'chunk-list' }, hood.chunks.map((c) => el('li', {}, chunkLink(c.id, `${c.title || c.documentId} #${c.index}`)))),
    el('h3', {}, `Triples (${triples.length})`),
    triples.length ? el('ul', { class: 'triples' }, triples.map((t) => el('li', { class: 'triple' },
      el('span', { class: 'fact' }, `${names.get(t.source) || t.source} —${t.predicate || '?'}→ ${names.get(t.target) || t.target}`),
      slots[triples.indexOf(t)]))) : el('p', { class: 'muted' }, 'No triples.'),
    synonyms.length ? el('h3', {}, 'Synonyms') : null,
    synonyms.length ? el('ul', {}, synonyms.map((s) => {
      const other = s.source === id ? s.target : s.source;
      return el('li', {}, entityLink({ id: other, name: names.get(other) }), ` (${s.weight.toFixed(2)})`);
    })) : null);
  fillEvidence(triples, slots);
}

let curation = () => null;

/** Lets the curation panel add its actions (rename, merge, delete) to an entity's inspector. */
export function setCurationActions(fn) { curation = fn; }

function curationActions(entity) {
  return curation(entity);
}

async function documentView(id) {
  if (!documents.has(id)) documents.set(id, await api.document(id));
  return documents.get(id);
}

/** A chunk: its text, previous/next chunk of its document, the document, its entities and triples. */
export async function showChunk(id) {
  const token = ++showToken;
  const chunk = await busy('Loading chunk…', () => api.chunk(id));
  if (!chunk || token !== showToken) return;
  let prev = null; let next = null;
  if (chunk.documentId) {
    const doc = await busy('Loading document…', () => documentView(chunk.documentId));
    if (token !== showToken) return;
    const at = doc ? doc.chunks.findIndex((c) => c.id === id) : -1;
    if (at > 0) prev = doc.chunks[at - 1].id;
    if (doc && at >= 0 && at < doc.chunks.length - 1) next = doc.chunks[at + 1].id;
  }
  const names = new Map(chunk.entities.map((e) => [e.id, e.name]));
  shownId = chunk.documentId;
  render(`${chunk.title || chunk.documentId} #${chunk.index}`,
    props([['kind', 'Chunk'], ['id', chunk.id], ['document', chunk.documentId], ['index', chunk.index]]),
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'chunk-prev', disabled: !prev, onclick: () => showChunk(prev) }, '← Previous'),
      el('button', { type: 'button', id: 'chunk-next', disabled: !next, onclick: () => showChunk(next) }, 'Next →'),
      chunk.documentId ? el('button', { type: 'button', id: 'chunk-document', onclick: () => showDocument(chunk.documentId) },
        'Document') : null,
      el('button', { type: 'button', id: 'chunk-to-canvas', onclick: () => addChunkToCanvas(chunk) }, 'Show on canvas')),
    el('blockquote', { class: 'chunk-text', id: 'chunk-text' }, highlighted(chunk.text || '', chunk.entities.map((e) => e.name))),
    el('h3', {}, `Entities (${chunk.entities.length})`),
    el('p', { class: 'entity-chips' }, chunk.entities.map((e) => entityLink(e))),
    el('h3', {}, `Triples (${chunk.triples.length})`),
    el('ul', { class: 'triples' }, chunk.triples.map((t) => el('li', { class: 'triple' },
      `${names.get(t.source) || t.source} —${t.predicate || '?'}→ ${names.get(t.target) || t.target}`))));
}

function addChunkToCanvas(chunk) {
  const c = canvas.addChunk(chunk);
  if (chunk.documentId) {
    const d = canvas.addDocument({ id: chunk.documentId, title: chunk.title }, { near: c });
    canvas.addEdge(c.id(), d.id(), 'PART_OF');
  }
  chunk.entities.forEach((e, i) => {
    canvas.addEntity(e, { origin: c.id(), near: c, index: i, of: chunk.entities.length });
    canvas.addEdge(c.id(), canvas.entityNodeId(e.id), 'MENTIONS');
  });
  chunk.triples.forEach(canvas.addRelation);
  // new nodes are laid out around the ones already there instead of dropped on top of them
  canvas.settle(canvas.instance().getElementById(c.id()).closedNeighborhood());
}

/** A document: its properties and its chunks in reading order. */
export async function showDocument(id) {
  const token = ++showToken;
  documents.delete(id);
  const doc = await busy('Loading document…', () => documentView(id));
  if (!doc || token !== showToken) return;
  shownId = doc.id;
  render(doc.title || doc.id,
    props([['kind', 'Document'], ['id', doc.id], ['source', doc.source], ['tenant', doc.tenant],
      ['acl', (doc.acl || []).join(', ')], ['ingested', doc.ingestedAt], ['chunks', doc.chunks.length]]),
    el('h3', {}, 'Chunks'),
    el('ol', { class: 'doc-chunks', start: 0 }, doc.chunks.map((c) => el('li', {}, chunkLink(c.id, clip(c.text, 90))))));
}

/** An edge: type, predicate, weight, ends and its provenance chunks. */
export function showEdge(edge) {
  shownId = null;
  const cy = canvas.instance();
  const label = (id) => cy.getElementById(id).data('label') || id;
  const slot = el('div', { class: 'edge-evidence', id: 'edge-evidence' });
  render(`${edge.data('type')}${edge.data('predicate') ? ': ' + edge.data('predicate') : ''}`,
    props([['type', edge.data('type')], ['predicate', edge.data('predicate')], ['from', label(edge.data('source'))],
      ['to', label(edge.data('target'))], ['weight', edge.data('weight')],
      ...Object.entries(edge.data('props') || {}).filter(([k]) => k !== 'chunkIds' && k !== 'predicate')]),
    (edge.data('chunkIds') || []).length ? el('h3', {}, 'Supporting sentences') : null,
    slot,
    curationEdgeActions(edge));
  const ref = (id) => cy.getElementById(id).data('ref');
  if ((edge.data('chunkIds') || []).length && edge.data('type') === 'RELATION') {
    fillEvidence([{ source: ref(edge.data('source')), target: ref(edge.data('target')), predicate: edge.data('predicate'),
      chunkIds: edge.data('chunkIds') }], [slot]);
  } else {
    slot.replaceChildren(...(edge.data('chunkIds') || []).map((c) => el('div', {}, chunkLink(c, c))));
  }
}

let curationEdge = () => null;

/** Lets the curation panel add "delete this relation" to a relation's inspector. */
export function setCurationEdgeActions(fn) { curationEdge = fn; }

function curationEdgeActions(edge) {
  return curationEdge(edge);
}

/** Forgets cached documents (after uploads and deletes). */
export function forgetDocuments() { documents.clear(); }
