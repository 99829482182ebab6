// The Cytoscape canvas: entities, chunks and documents as nodes, relations as edges; expand, collapse, pin,
// hide, layouts, highlighting, and a synthetic large graph for measuring interaction speed.
import { api } from './api.js';

/* global cytoscape */

export const COLORS = {
  Entity: '#4e79a7', Chunk: '#f28e2b', Document: '#59a14f', Other: '#9c9c9c',
  RELATION: '#6b6b6b', SYNONYM: '#b07aa1', MENTIONS: '#f2a65a', PART_OF: '#59a14f', NEXT: '#76b7b2', FIRST: '#76b7b2',
};

// Labels are sized in model units from the zoom (labelPx / zoom) so that they render at labelPx at any zoom;
// refreshLabels() then hides the labels that would overlap a more important one (marked, selected, busier nodes
// first), and hovering a node shows its whole name.
export const LABEL_PX = 12;
const MEASURED = 600;   // up to this many nodes, label boxes are measured by the renderer
const LABEL_CAP = 250;  // most labels drawn at once on a large canvas (the most important ones)
const fontFor = () => (cy ? Math.max(4, LABEL_PX / cy.zoom()) : LABEL_PX);

const STYLE = [
  { selector: 'node', style: {
    'label': 'data(label)', 'font-size': () => fontFor(), 'text-valign': 'bottom', 'text-margin-y': 3, 'color': '#1d2330',
    'text-wrap': 'ellipsis', 'text-max-width': () => fontFor() * 13, 'min-zoomed-font-size': 0,
    'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1,
    'width': 'data(size)', 'height': 'data(size)', 'background-color': COLORS.Other, 'border-width': 1, 'border-color': '#fff' } },
  { selector: 'node[kind = "Entity"]', style: { 'background-color': COLORS.Entity, 'shape': 'ellipse' } },
  { selector: 'node[kind = "Chunk"]', style: { 'background-color': COLORS.Chunk, 'shape': 'round-rectangle' } },
  { selector: 'node[kind = "Document"]', style: { 'background-color': COLORS.Document, 'shape': 'rectangle' } },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1f3b57' } },
  { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#333' } },
  { selector: 'node.seed', style: { 'border-width': 5, 'border-color': '#edc948', 'font-weight': 'bold' } },
  { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#e15759', 'font-weight': 'bold' } },
  { selector: 'node.cited', style: { 'border-width': 4, 'border-color': '#e15759' } },
  { selector: 'node.result', style: { 'border-width': 4, 'border-color': '#17becf' } },
  { selector: 'node.focus', style: { 'border-width': 6, 'border-color': '#ff9f1c', 'font-weight': 'bold', 'z-index': 20 } },
  { selector: 'node:selected', style: { 'overlay-color': '#4e79a7', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  { selector: 'node.nolabel', style: { 'label': '' } },
  { selector: 'node.hover', style: { 'label': 'data(label)', 'text-wrap': 'wrap', 'text-max-width': () => fontFor() * 40,
    'z-index': 99, 'text-background-opacity': 1, 'font-weight': 'bold' } },
  { selector: 'edge', style: {
    'width': 1.5, 'line-color': COLORS.RELATION, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
    'target-arrow-color': COLORS.RELATION, 'arrow-scale': 0.8, 'label': 'data(label)', 'font-size': () => fontFor() * 0.85,
    'color': '#444', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8,
    'text-background-padding': 1, 'min-zoomed-font-size': 0 } },
  { selector: 'edge[type = "SYNONYM"]', style: { 'line-color': COLORS.SYNONYM, 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
  { selector: 'edge[type = "MENTIONS"]', style: { 'line-color': COLORS.MENTIONS, 'target-arrow-color': COLORS.MENTIONS, 'width': 1 } },
  { selector: 'edge[type = "PART_OF"]', style: { 'line-color': COLORS.PART_OF, 'target-arrow-color': COLORS.PART_OF } },
  { selector: 'edge[type = "NEXT"], edge[type = "FIRST"]', style: { 'line-color': COLORS.NEXT, 'target-arrow-color': COLORS.NEXT, 'line-style': 'dotted' } },
  { selector: 'edge.path', style: { 'line-color': '#e15759', 'target-arrow-color': '#e15759', 'width': 4, 'z-index': 10 } },
  { selector: 'edge.result', style: { 'line-color': '#17becf', 'target-arrow-color': '#17becf', 'width': 2.5 } },
  { selector: 'edge.focus', style: { 'line-color': '#ff9f1c', 'target-arrow-color': '#ff9f1c', 'width': 5, 'z-index': 20 } },
  { selector: 'edge:selected', style: { 'line-color': '#1f77b4', 'target-arrow-color': '#1f77b4', 'width': 3 } },
  { selector: 'edge.nolabel', style: { 'label': '' } },
  { selector: '.faded', style: { 'opacity': 0.18 } },
  { selector: '.offstage', style: { 'display': 'none' } },
  { selector: 'node[kind = "Entity"][communityColour]', style: { 'background-color': 'data(communityColour)' } },
  { selector: '.synthetic', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', 'label': '' } },
];

let cy;
const listeners = { select: [], change: [], activate: [], focus: [], tap: [] };

/** Creates the canvas in {@code container}. */
export function init(container) {
  cy = cytoscape({
    container, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4,
    boxSelectionEnabled: true, textureOnViewport: false, hideEdgesOnViewport: false,
  });
  cy.on('select unselect', () => queueMicrotask(() => emit('select', selected())));
  cy.on('dbltap', 'node', (ev) => emit('activate', ev.target.id()));
  cy.on('add remove', debounce(() => emit('change', stats()), 30));
  cy.on('tap', 'node', (ev) => emit('tap', ev.target));
  cy.on('mouseover', 'node', (ev) => ev.target.addClass('hover'));
  cy.on('mouseout', 'node', (ev) => ev.target.removeClass('hover'));
  // label work waits until the view has settled, so that panning and zooming a large canvas stay fluid
  const relabel = debounce(() => refreshLabels(), 150);
  const resize = debounce(() => resizeLabels(), 150);
  cy.on('zoom', resize);
  cy.on('pan add remove layoutstop', relabel);
  cy.on('select', 'node', (ev) => ev.target.removeClass('nolabel'));
  return cy;
}

export function instance() { return cy; }

// Tableau 20: enough distinct hues for the communities of one canvas; beyond 20 they repeat
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f',
  '#bab0ac', '#1f77b4', '#aec7e8', '#ff7f0e', '#2ca02c', '#98df8a', '#d62728', '#9467bd', '#c5b0d5', '#8c564b', '#17becf'];

/** Colours entity nodes by community ({entityId: communityId}); entities without one keep the default colour. */
export function colourByCommunity(membership) {
  const ids = [...new Set(Object.values(membership))].sort();
  const colour = new Map(ids.map((c, i) => [c, PALETTE[i % PALETTE.length]]));
  cy.batch(() => cy.nodes('[kind = "Entity"]').forEach((n) => {
    const c = membership[n.data('ref')];
    if (c) { n.data('community', c); n.data('communityColour', colour.get(c)); } else { n.removeData('community communityColour'); }
  }));
  return colour.size;
}

/** Back to colouring entities by kind. */
export function clearCommunityColours() {
  cy.batch(() => cy.nodes('[kind = "Entity"]').forEach((n) => n.removeData('community communityColour')));
}

/** The entity ids on the canvas. */
export function entityRefs() {
  return cy.nodes('[kind = "Entity"]').map((n) => n.data('ref'));
}
export function on(event, fn) { listeners[event].push(fn); }
function emit(event, value) { listeners[event].forEach((fn) => { try { fn(value); } catch (e) { console.warn(e); } }); }

function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

/** The selected element's data (first one), or null. */
export function selected() {
  const s = cy.$(':selected');
  return s.length ? s[0] : null;
}

export function stats() {
  return { nodes: cy.nodes().length, edges: cy.edges().length, hidden: hiddenStore.length };
}

// ---- ids: one canvas node per graph node, whoever added it ----

export const entityNodeId = (id) => 'e:' + id;
export const chunkNodeId = (id) => 'c:' + id;
export const documentNodeId = (id) => 'd:' + id;

function size(count) {
  return Math.round(18 + Math.min(30, Math.sqrt(Math.max(0, count || 0)) * 5));
}

function placeNear(center, i, n) {
  if (!center) {
    const ext = cy.extent();
    return { x: (ext.x1 + ext.x2) / 2 + (Math.random() - 0.5) * 80, y: (ext.y1 + ext.y2) / 2 + (Math.random() - 0.5) * 80 };
  }
  const p = center.position();
  const r = 110 + 6 * n;
  const a = (2 * Math.PI * i) / Math.max(1, n);
  return { x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a) };
}

function addNode(data, position, origin) {
  let node = cy.getElementById(data.id);
  if (node.nonempty()) {
    if (origin) node.data('origins', [...new Set([...(node.data('origins') || []), origin])]);
    if (data.label && !node.data('label')) node.data('label', data.label);
    return node;
  }
  const hidden = hiddenStore.findIndex((h) => h.data.id === data.id);
  if (hidden >= 0) hiddenStore.splice(hidden, 1);
  node = cy.add({ group: 'nodes', data: { ...data, origins: origin ? [origin] : [] }, position });
  return node;
}

/** Adds (or finds) an entity node; {@code origin} is the node whose expansion brought it, 'root' when added by a user. */
export function addEntity(entity, { origin = 'root', near = null, index = 0, of = 1 } = {}) {
  return addNode({ id: entityNodeId(entity.id), kind: 'Entity', ref: entity.id, label: entity.name || entity.id,
    chunkCount: entity.chunkCount, size: size(entity.chunkCount) }, placeNear(near, index, of), origin);
}

export function addChunk(chunk, { origin = 'root', near = null } = {}) {
  return addNode({ id: chunkNodeId(chunk.id), kind: 'Chunk', ref: chunk.id,
    label: `${chunk.title || chunk.documentId || 'chunk'} #${chunk.index ?? ''}`, documentId: chunk.documentId,
    size: 22 }, placeNear(near, Math.random() * 10, 10), origin);
}

export function addDocument(doc, { origin = 'root', near = null } = {}) {
  return addNode({ id: documentNodeId(doc.id), kind: 'Document', ref: doc.id, label: doc.title || doc.id, size: 30 },
    placeNear(near, Math.random() * 10, 10), origin);
}

/** Adds a RELATION/SYNONYM edge from the API (entity ids), if both ends are on the canvas. */
export function addRelation(edge) {
  return addEdge(entityNodeId(edge.source), entityNodeId(edge.target), edge.type || 'RELATION', edge.predicate,
    { weight: edge.weight, chunkIds: edge.chunkIds || [], sourceRef: edge.source, targetRef: edge.target });
}

export function addEdge(source, target, type, predicate, extra = {}) {
  if (cy.getElementById(source).empty() || cy.getElementById(target).empty()) return cy.collection();
  const id = `r:${source}|${type}|${predicate || ''}|${target}`;
  const existing = cy.getElementById(id);
  if (existing.nonempty()) return existing;
  return cy.add({ group: 'edges', data: { id, source, target, type, predicate,
    label: type === 'RELATION' ? (predicate || '') : type === 'SYNONYM' ? 'synonym' : '', ...extra } });
}

// ---- expand / collapse / pin / hide ----

const expansions = new Map(); // node id -> limit used

export function isExpanded(nodeId) { return expansions.has(nodeId); }

/** Expands an entity's neighbourhood; returns the API answer (with {@code truncated} when there is more). */
export async function expand(nodeId, limit = 25) {
  const node = cy.getElementById(nodeId);
  if (node.empty() || node.data('kind') !== 'Entity') return null;
  const hood = await api.neighbourhood(node.data('ref'), limit);
  cy.batch(() => {
    node.data({ chunkCount: hood.center.chunkCount, label: hood.center.name || node.data('label') });
    const fresh = hood.nodes.filter((n) => cy.getElementById(entityNodeId(n.id)).empty());
    hood.nodes.forEach((n) => addEntity(n, { origin: nodeId, near: node, index: fresh.indexOf(n), of: fresh.length }));
    hood.edges.forEach(addRelation);
    node.addClass('expanded');
  });
  settle(cy.collection(hood.nodes.map((n) => cy.getElementById(entityNodeId(n.id))))
    .filter((n) => (n.data('origins') || []).length === 1 && n.data('origins')[0] === nodeId));
  expansions.set(nodeId, { limit, truncated: hood.truncated });
  node.data('truncated', hood.truncated);
  emit('change', stats());
  return hood;
}

/** Removes what an expansion added, except pinned, marked, expanded or otherwise-reached nodes. */
export function collapse(nodeId) {
  const node = cy.getElementById(nodeId);
  if (node.empty()) return;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const origins = n.data('origins') || [];
      if (!origins.includes(nodeId)) return;
      const rest = origins.filter((o) => o !== nodeId && cy.getElementById(o).nonempty() || o === 'root');
      n.data('origins', rest);
      if (rest.length === 0 && !n.hasClass('pinned') && !expansions.has(n.id()) && n.id() !== nodeId) n.remove();
    });
    node.removeClass('expanded');
  });
  expansions.delete(nodeId);
  emit('change', stats());
}

export async function toggleExpand(nodeId) {
  if (expansions.has(nodeId)) collapse(nodeId); else await expand(nodeId);
}

/** Loads more of an expanded node's neighbourhood. */
export async function showMore(nodeId) {
  const current = expansions.get(nodeId)?.limit || 25;
  return expand(nodeId, Math.min(1000, current * 2));
}

export function togglePin(nodeId) {
  const node = cy.getElementById(nodeId);
  if (node.locked()) { node.unlock(); node.removeClass('pinned'); } else { node.lock(); node.addClass('pinned'); }
  return node.locked();
}

const hiddenStore = [];

export function hide(nodeId) {
  const node = cy.getElementById(nodeId);
  if (node.empty()) return;
  const removed = node.union(node.connectedEdges()).remove();
  removed.forEach((el) => hiddenStore.push(el.json()));
  expansions.delete(nodeId);
  emit('change', stats());
}

export function showHidden() {
  const nodes = hiddenStore.filter((j) => j.group === 'nodes');
  const edges = hiddenStore.filter((j) => j.group === 'edges');
  hiddenStore.length = 0;
  cy.batch(() => {
    nodes.forEach((j) => { if (cy.getElementById(j.data.id).empty()) cy.add(j); });
    edges.forEach((j) => { if (cy.getElementById(j.data.id).empty() && cy.getElementById(j.data.source).nonempty()
      && cy.getElementById(j.data.target).nonempty()) cy.add(j); });
  });
  emit('change', stats());
}

export function clear() {
  unfocus();
  cy.elements().remove();
  hiddenStore.length = 0;
  expansions.clear();
  emit('change', stats());
}

// ---- view ----

export function layout(name = 'cose', eles = null) {
  const opts = { name, animate: false, fit: false, padding: 40, nodeDimensionsIncludeLabels: false };
  if (name === 'cose') Object.assign(opts, { numIter: 600, idealEdgeLength: () => 100, nodeRepulsion: () => 12000, randomize: false });
  // room for a label beside every node, so that a concentric picture keeps its names
  if (name === 'concentric') Object.assign(opts, { concentric: (n) => n.degree(), levelWidth: () => 2, minNodeSpacing: 60, spacingFactor: 1.4 });
  if (name === 'breadthfirst') Object.assign(opts, { directed: false, spacingFactor: 1.1,
    roots: cy.nodes('.seed, .expanded').length ? cy.nodes('.seed, .expanded') : undefined });
  (eles || visible()).layout(opts).run();
  fit(eles || undefined);
}

/** What is on stage: everything, or the focused result only. */
export function visible() {
  return cy.elements().not('.offstage');
}

/**
 * Lays out only {@code fresh} nodes around what is already there: the rest stay where the user left them
 * (locked for the layout), then the view fits again.
 */
export function settle(fresh) {
  const nodes = fresh.nodes().not('.offstage');
  if (nodes.nonempty()) {
    const around = nodes.union(nodes.neighborhood().not('.offstage'));
    const anchors = around.nodes().not(nodes).filter((n) => !n.locked());
    anchors.lock();
    around.layout({ name: 'cose', animate: false, fit: false, randomize: false, numIter: 400,
      idealEdgeLength: () => 110, nodeRepulsion: () => 12000, nodeDimensionsIncludeLabels: false }).run();
    anchors.unlock();
    separate(nodes);
  }
  fit();
}

/**
 * Moves each fresh node outwards, away from the old nodes it joined, until it covers no other node: the layout in
 * {@link settle} sees only the new nodes' neighbourhood, not the rest of the canvas they may land on.
 */
function separate(fresh) {
  const others = visible().nodes();
  const isFresh = new Set(fresh.map((n) => n.id()));
  const covers = (n) => others.some((o) => o.id() !== n.id()
    && Math.hypot(o.position('x') - n.position('x'), o.position('y') - n.position('y')) < (n.width() + o.width()) / 2);
  fresh.forEach((n) => {
    const old = n.neighborhood().nodes().filter((m) => !isFresh.has(m.id()));
    const from = old.nonempty() ? centre(old) : centre(others);
    for (let step = 0; step < 60 && covers(n); step++) {
      let dx = n.position('x') - from.x;
      let dy = n.position('y') - from.y;
      const length = Math.hypot(dx, dy);
      if (length < 1) { dx = Math.cos(step + 1); dy = Math.sin(step + 1); } else { dx /= length; dy /= length; }
      n.position({ x: n.position('x') + dx * n.width() * 0.6, y: n.position('y') + dy * n.width() * 0.6 });
    }
  });
}

function centre(nodes) {
  let x = 0;
  let y = 0;
  nodes.forEach((n) => { x += n.position('x'); y += n.position('y'); });
  return { x: x / nodes.length, y: y / nodes.length };
}

let focused = null; // { title } while a result is shown on its own

/** Shows only {@code eles} (with the ends of its edges), laid out and fitted; {@link unfocus} brings the rest back. */
export function focusOn(eles, title, layoutName = 'cose') {
  const keep = eles.union(eles.connectedNodes());
  cy.batch(() => {
    cy.elements().removeClass('faded offstage');
    cy.elements().not(keep).not(keep.edgesWith(keep)).addClass('offstage');
  });
  focused = { title };
  if (keep.nodes().length > 1) layout(layoutName, keep.union(keep.edgesWith(keep)));
  fit(keep);
  emit('focus', focused);
}

/** Back to the whole canvas after a focused result. */
export function unfocus() {
  if (!focused) return;
  focused = null;
  cy.elements().removeClass('offstage faded');
  fit();
  emit('focus', null);
}

export function isFocused() { return focused !== null; }

/** Marks {@code eles} as the user's current point of interest (a chip, row or passage clicked) and centres them. */
export function spotlight(eles) {
  cy.elements().removeClass('focus');
  eles.addClass('focus');
  const nodes = eles.nodes().union(eles.connectedNodes());
  if (nodes.nonempty()) fit(nodes.union(eles.edges()));
  refreshLabels();
}

// ---- labels ----

/**
 * After a zoom: labels take their new size and are placed again. A small canvas measures its labels, which needs
 * the new size first; a large one places them by estimate, then restyles only the few it shows.
 */
function resizeLabels() {
  if (cy.nodes().length <= MEASURED) {
    visible().updateStyle();
    refreshLabels();
  } else {
    refreshLabels();
    cy.elements().not('.offstage, .nolabel').updateStyle();
  }
}

const PRIORITY = (n) => (n.hasClass('focus') || n.selected() || n.hasClass('hover') ? 4 : 0)
  + (n.hasClass('seed') || n.hasClass('path') || n.hasClass('result') || n.hasClass('cited') ? 2 : 0)
  + Math.min(1, (n.data('chunkCount') || 0) / 50) + Math.min(1, n.degree() / 40);

/**
 * Hides the labels that would overlap a more important visible label (rendered boxes on a coarse grid); the
 * rest show at LABEL_PX. Edge labels show only when few edges are on stage or they are marked.
 */
export function refreshLabels() {
  if (!cy) return;
  const w = cy.width(); const h = cy.height();
  const placed = new Map();
  const cell = 40;
  const key = (x, y) => x + ':' + y;
  const overlaps = (b) => {
    for (let gx = Math.floor(b.x1 / cell); gx <= Math.floor(b.x2 / cell); gx++) {
      for (let gy = Math.floor(b.y1 / cell); gy <= Math.floor(b.y2 / cell); gy++) {
        for (const o of placed.get(key(gx, gy)) || []) {
          if (b.x1 < o.x2 && o.x1 < b.x2 && b.y1 < o.y2 && o.y1 < b.y2) return true;
        }
      }
    }
    return false;
  };
  const put = (b) => {
    for (let gx = Math.floor(b.x1 / cell); gx <= Math.floor(b.x2 / cell); gx++) {
      for (let gy = Math.floor(b.y1 / cell); gy <= Math.floor(b.y2 / cell); gy++) {
        const k = key(gx, gy);
        if (!placed.has(k)) placed.set(k, []);
        placed.get(k).push(b);
      }
    }
  };
  const nodes = cy.nodes().not('.offstage');
  const show = []; const hide = [];
  // measured boxes (the renderer's own) while the canvas is small enough; an estimate from the text beyond that
  const measure = nodes.length <= MEASURED;
  if (measure) nodes.removeClass('nolabel');
  const ranked = nodes.toArray().map((n) => ({ n, p: PRIORITY(n) })).sort((a, b) => b.p - a.p);
  for (const { n } of ranked) {
    let b;
    if (measure) {
      const bb = n.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
      b = { x1: bb.x1 - 1, x2: bb.x2 + 1, y1: bb.y1 - 1, y2: bb.y2 + 1 };
      if (!(bb.w > 0)) { show.push(n); continue; }
    } else {
      const pos = n.renderedPosition();
      const half = n.renderedOuterHeight() / 2;
      const text = String(n.data('label') || '');
      const width = Math.min(text.length * LABEL_PX * 0.62, LABEL_PX * 13) + 6;
      b = { x1: pos.x - width / 2, x2: pos.x + width / 2, y1: pos.y + half + 1, y2: pos.y + half + 5 + LABEL_PX * 1.3 };
    }
    const onScreen = b.x2 > 0 && b.x1 < w && b.y2 > 0 && b.y1 < h;
    if (!onScreen) { (measure ? show : hide).push(n); continue; }
    if (overlaps(b) || (!measure && show.length >= LABEL_CAP)) { hide.push(n); } else { put(b); show.push(n); }
  }
  const edges = cy.edges().not('.offstage');
  const fewEdges = edges.length <= 60 && cy.zoom() >= 0.5;
  // only what changes is touched: a class change restyles the element
  cy.batch(() => {
    show.forEach((n) => { if (n.hasClass('nolabel')) n.removeClass('nolabel'); });
    hide.forEach((n) => { if (!n.hasClass('nolabel')) n.addClass('nolabel'); });
    edges.forEach((e) => {
      const on = fewEdges || e.hasClass('path') || e.hasClass('focus') || e.selected();
      if (on && e.hasClass('nolabel')) e.removeClass('nolabel');
      else if (!on && !e.hasClass('nolabel')) e.addClass('nolabel');
    });
  });
}

/** The labels drawn now: text, rendered font size (px) and rendered box, for the tests and the benchmark. */
export function labelReport() {
  const z = cy.zoom();
  return cy.nodes().not('.offstage').filter((n) => !n.hasClass('nolabel') && n.data('label') && !n.data('synthetic'))
    .map((n) => {
      const bb = n.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
      return { label: n.data('label'), px: +(parseFloat(n.style('font-size')) * z).toFixed(2),
        box: { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 } };
    });
}

/**
 * Fits {@code eles} (or everything on stage) in view by their nodes, not their labels: labels are sized from the
 * zoom, so fitting them would chase its own tail. Never zooms in past 1.6 on a few nodes.
 */
export function fit(eles) {
  const target = eles && eles.nonempty() ? eles : visible();
  if (target.empty()) return;
  const bb = target.boundingBox({ includeLabels: false, includeOverlays: false });
  // room around the nodes: for the folded legend, the corpus figures or focus bar, and one line of label below
  const pad = 56;
  const w = cy.width(); const h = cy.height();
  let z = Math.min((w - 2 * pad) / Math.max(bb.w, 1), (h - 2 * pad - 2 * LABEL_PX) / Math.max(bb.h, 1));
  z = Math.max(cy.minZoom(), Math.min(1.6, z));
  cy.viewport({ zoom: z, pan: { x: (w - z * (bb.x1 + bb.x2)) / 2, y: (h - z * (bb.y1 + bb.y2)) / 2 } });
}

export function zoomBy(factor) {
  const ext = cy.extent();
  cy.zoom({ level: cy.zoom() * factor, position: { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 } });
}

/** Marks {@code eles} with {@code cls} and fades everything else; {@code clearHighlight} undoes it. */
export function highlight(eles, cls = 'path') {
  cy.batch(() => {
    cy.elements().removeClass('faded');
    eles.addClass(cls);
    // a focused view already shows only the result: fading would only dim it
    if (!focused) cy.elements().not(cy.elements('.path, .seed, .cited, .result')).addClass('faded');
  });
}

export function clearHighlight() {
  cy.elements().removeClass('faded path seed cited result focus');
}

export function select(nodeId) {
  const node = cy.getElementById(nodeId);
  if (node.empty()) return;
  cy.$(':selected').unselect();
  node.select();
}

export function nodeSummaries(selector = 'node') {
  return cy.nodes(selector).map((n) => ({ id: n.id(), kind: n.data('kind'), label: n.data('label'), classes: n.classes() }));
}

// ---- Cypher results ----

/** Adds the nodes and relationships of a Cypher answer; Document/Chunk/Entity nodes merge with the canvas ones. */
export function addCypherGraph(graph) {
  const idOf = new Map();
  const added = cy.collection();
  cy.batch(() => {
    (graph.nodes || []).forEach((n, i) => {
      const labels = n.labels || [];
      const p = n.properties || {};
      let node;
      if (labels.includes('Entity') && p.id) node = addEntity({ id: p.id, name: p.name, chunkCount: p.chunkCount });
      else if (labels.includes('Chunk') && p.id) node = addChunk({ id: p.id, documentId: p.documentId, index: p.index });
      else if (labels.includes('Document') && p.id) node = addDocument({ id: p.id, title: p.title });
      else node = addNode({ id: 'n:' + n.id, kind: labels[0] || 'Other', label: labels.join(':') + ' ' + (p.name || p.title || p.id || ''),
        size: 20, props: p }, placeNear(null, i, 1), 'root');
      idOf.set(n.id, node.id());
      added.merge(node);
    });
    (graph.relationships || []).forEach((r) => {
      const s = idOf.get(r.start); const t = idOf.get(r.end);
      if (s && t) added.merge(addEdge(s, t, r.type, r.properties?.predicate, { props: r.properties, chunkIds: r.properties?.chunkIds || [] }));
    });
  });
  emit('change', stats());
  return added;
}

// ---- large graphs ----

/** Replaces the canvas with {@code n} synthetic nodes and about 1.5·n edges, placed on a grid (no layout). */
export function loadSynthetic(n = 2000) {
  clear();
  const cols = Math.ceil(Math.sqrt(n));
  const els = [];
  for (let i = 0; i < n; i++) {
    els.push({ group: 'nodes', data: { id: 's' + i, kind: i % 7 === 0 ? 'Chunk' : 'Entity', label: 'node ' + i, size: 18, synthetic: true },
      position: { x: (i % cols) * 60 + (Math.random() * 20), y: Math.floor(i / cols) * 60 + (Math.random() * 20) } });
  }
  for (let i = 1; i < n; i++) {
    els.push({ group: 'edges', classes: 'synthetic', data: { id: 'se' + i, source: 's' + i, target: 's' + (i - 1), type: 'RELATION' } });
    if (i % 2 === 0 && i >= cols) {
      els.push({ group: 'edges', classes: 'synthetic', data: { id: 'sv' + i, source: 's' + i, target: 's' + (i - cols), type: 'RELATION' } });
    }
  }
  cy.add(els);
  cy.fit(undefined, 20);
  emit('change', stats());
  return stats();
}

/** Times the label work that follows a zoom (style recalculation and overlap hiding), median and max in ms. */
export async function measureLabelWork(steps = 5) {
  const times = [];
  for (let i = 0; i < steps; i++) {
    const t = performance.now();
    resizeLabels();
    await frame();
    times.push(performance.now() - t);
  }
  const s = [...times].sort((a, b) => a - b);
  return { median: +s[Math.floor(s.length / 2)].toFixed(1), max: +s[s.length - 1].toFixed(1) };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/**
 * Times layout-free interactions on the current canvas, each until two animation frames have passed (so the
 * redraw is included): pans, zooms, and selecting a node. Returns the median and max in milliseconds.
 */
export async function measureInteraction(steps = 10) {
  const times = { pan: [], zoom: [], select: [] };
  const nodes = cy.nodes();
  await frame();
  for (let i = 0; i < steps; i++) {
    let t = performance.now();
    cy.panBy({ x: i % 2 ? 40 : -40, y: 25 });
    await frame();
    times.pan.push(performance.now() - t);
    t = performance.now();
    zoomBy(i % 2 ? 1 / 1.2 : 1.2);
    await frame();
    times.zoom.push(performance.now() - t);
    t = performance.now();
    cy.$(':selected').unselect();
    nodes[(i * 97) % nodes.length].select();
    await frame();
    times.select.push(performance.now() - t);
  }
  cy.$(':selected').unselect();
  const summary = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: +s[Math.floor(s.length / 2)].toFixed(1), max: +s[s.length - 1].toFixed(1) };
  };
  return { nodes: cy.nodes().length, edges: cy.edges().length, pan: summary(times.pan), zoom: summary(times.zoom),
    select: summary(times.select) };
}
