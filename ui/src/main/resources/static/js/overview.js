// The first screen: corpus figures (documents, chunks, entities, relations, last ingest) and the most central
// entities with the relations between them (GET /api/overview), laid out and fitted; a click on one opens its
// neighbourhood. Picking something else (a search, a question) replaces the overview.
import { api } from './api.js';
import * as canvas from './canvas.js';
import { el, busy } from './dom.js';

const $ = (id) => document.getElementById(id);
let showing = false;

/** True while the canvas holds the untouched overview. */
export function isShowing() { return showing; }

/** Forgets that the canvas is the overview (the user started exploring from it). */
export function leave() {
  showing = false;
  $('corpus').hidden = true;
}

/** Loads the figures and the overview graph onto a cleared canvas. */
export async function show() {
  const t0 = performance.now();
  const o = await busy('Loading the overview…', () => api.overview(30));
  if (!o) return null;
  const t1 = performance.now();
  figures(o.figures);
  canvas.clear();
  if (!o.entities.length) {
    $('canvas-empty').hidden = false;
    return o;
  }
  const cy = canvas.instance();
  let added = cy.collection();
  cy.batch(() => {
    o.entities.forEach((e, i) => { added = added.union(canvas.addEntity(e, { origin: 'overview', index: i, of: o.entities.length })); });
    o.edges.forEach((e) => { added = added.union(canvas.addRelation(e)); });
  });
  canvas.layout('cose', added);
  canvas.refreshLabels();
  // for the benchmark: the API's share and the drawing's share of the first screen
  document.body.dataset.overviewApiMs = String(Math.round(t1 - t0));
  document.body.dataset.overviewDrawMs = String(Math.round(performance.now() - t1));
  showing = true;
  $('corpus').hidden = false;
  return o;
}

function figures(f) {
  const item = (name, value, cls) => el('div', {}, el('dt', {}, name), el('dd', { class: cls, dataset: { figure: name } }, value));
  const n = (x) => Number(x || 0).toLocaleString('en');
  $('corpus-figures').replaceChildren(
    item('documents', n(f.documents)), item('chunks', n(f.chunks)), item('entities', n(f.entities)),
    item('relations', n(f.relations)),
    item('last ingest', f.lastIngest ? new Date(f.lastIngest).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—', 'date'));
}
