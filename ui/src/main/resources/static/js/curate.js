// Curation (a write key for every tenant): likely duplicates with their evidence and a merge button, rename and
// delete in the inspector, the audit list of edits and undo of the last one. The server refuses other keys.
import { api } from './api.js';
import * as canvas from './canvas.js';
import * as inspector from './inspector.js';
import { el, busy, status } from './dom.js';

const $ = (id) => document.getElementById(id);

export function init() {
  $('curate-refresh').addEventListener('click', () => refresh());
  $('curate-undo').addEventListener('click', () => undo());
  document.querySelector('[data-tab="curate"]').addEventListener('click', () => refresh());
  inspector.setCurationActions(entityActions);
  inspector.setCurationEdgeActions(edgeActions);
}

/** Loads the likely duplicates and the audit list. */
export async function refresh() {
  const [dups, audit] = await busy('Looking for likely duplicates…', () => Promise.all([api.duplicates(30), api.audit(30)])) || [];
  if (!dups) return;
  $('duplicates').replaceChildren(...(dups.length ? dups.map(duplicateRow) : [el('li', { class: 'muted' }, 'No likely duplicates.')]));
  showAudit(audit);
}

function duplicateRow(d) {
  const [a, b] = d.entities;
  const merge = (into, other) => el('button', { type: 'button', class: 'merge', dataset: { into: into.id, merged: other.id },
    onclick: () => mergeInto(into, [other]) }, `Merge into “${into.name}”`);
  return el('li', { class: 'duplicate', dataset: { a: a.id, b: b.id } },
    el('strong', {}, `${a.name} ≈ ${b.name}`), ` ${d.score.toFixed(2)} `,
    el('div', { class: 'why' }, d.evidence.join(' · ')),
    el('div', { class: 'actions' }, merge(a, b), merge(b, a)));
}

function showAudit(audit) {
  const list = audit || [];
  $('audit').replaceChildren(...list.map((e) => el('li', { class: 'edit', dataset: { id: e.id, undone: String(e.undone) } },
    el('span', { class: e.undone ? 'muted' : '' }, e.summary), el('div', { class: 'muted small' },
      `${e.who} · ${new Date(e.at).toLocaleString('en-GB')}${e.undone ? ' · undone' : ''}`))));
  $('curate-undo').disabled = !list.some((e) => !e.undone);
}

async function after(message) {
  status(message);
  await refresh();
}

/** Merges {@code merged} into {@code into} and shows the result on the canvas. */
export async function mergeInto(into, merged) {
  const r = await busy(`Merging into ${into.name}…`, () => api.merge(into.id, merged.map((m) => m.id)));
  if (!r) return;
  const cy = canvas.instance();
  merged.forEach((m) => cy.getElementById(canvas.entityNodeId(m.id)).remove());
  await after(`Merged ${merged.map((m) => m.name).join(', ')} into ${into.name}`);
}

async function undo() {
  const r = await busy('Undoing the last edit…', () => api.undo());
  if (r) await after(`Undone: ${r.summary}`);
}

function entityActions(entity) {
  const name = el('input', { type: 'text', id: 'rename-name', value: entity.name || '', 'aria-label': 'New name', class: 'narrow-text' });
  const del = el('button', { type: 'button', class: 'danger', id: 'curate-delete-entity' }, 'Delete entity');
  del.addEventListener('click', async () => {
    if (del.dataset.confirm !== 'yes') { del.dataset.confirm = 'yes'; del.textContent = 'Confirm delete'; return; }
    const ok = await busy(`Deleting ${entity.name}…`, () => api.deleteEntity(entity.id));
    if (!ok) return;
    canvas.instance().getElementById(canvas.entityNodeId(entity.id)).remove();
    inspector.close();
    await after(`Deleted ${entity.name}`);
  });
  del.addEventListener('blur', () => { del.dataset.confirm = ''; del.textContent = 'Delete entity'; });
  const form = el('form', { class: 'inline-form', id: 'rename-form' }, name, el('button', { type: 'submit' }, 'Rename'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ok = await busy('Renaming…', () => api.rename(entity.id, name.value.trim()));
    if (!ok) return;
    canvas.instance().getElementById(canvas.entityNodeId(entity.id)).data('label', name.value.trim());
    await after(`Renamed ${entity.name} to ${name.value.trim()}`);
  });
  return el('div', { class: 'actions curate-actions' }, form, del);
}

function edgeActions(edge) {
  if (edge.data('type') !== 'RELATION') return null;
  const cy = canvas.instance();
  const del = el('button', { type: 'button', class: 'danger', id: 'curate-delete-relation' }, 'Delete relation');
  del.addEventListener('click', async () => {
    if (del.dataset.confirm !== 'yes') { del.dataset.confirm = 'yes'; del.textContent = 'Confirm delete'; return; }
    const s = cy.getElementById(edge.data('source')).data('ref');
    const t = cy.getElementById(edge.data('target')).data('ref');
    const ok = await busy('Deleting the relation…', () => api.deleteRelation(s, edge.data('predicate'), t));
    if (!ok) return;
    edge.remove();
    inspector.close();
    await after('Deleted the relation');
  });
  return el('div', { class: 'actions curate-actions' }, del);
}
