// Cypher console: a read-only query → POST /api/cypher → a table of rows, and the nodes and relationships in them
// on the canvas. Ctrl+Enter (or the Run button) runs it.
import { api } from './api.js';
import * as canvas from './canvas.js';
import { el, busy, status } from './dom.js';

export function init() {
  const form = document.getElementById('cypher-form');
  const text = document.getElementById('cypher-query');
  form.addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
  text.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });
}

function cell(value) {
  if (value === null || value === undefined) return el('span', { class: 'muted' }, 'null');
  if (typeof value === 'object' && value.labels && value.properties) {
    const p = value.properties;
    return el('span', { class: 'node-cell', title: JSON.stringify(p) }, `(:${value.labels.join(':')} ${p.name || p.title || p.id || ''})`);
  }
  if (typeof value === 'object' && value.type && value.start) {
    return el('span', { class: 'rel-cell' }, `[:${value.type}${value.properties?.predicate ? ' ' + value.properties.predicate : ''}]`);
  }
  if (typeof value === 'object') return el('code', {}, JSON.stringify(value));
  return String(value);
}

async function run() {
  const query = document.getElementById('cypher-query').value.trim();
  if (!query) return;
  const out = document.getElementById('cypher-result');
  const r = await busy('Running Cypher…', () => api.cypher(query));
  if (!r) { out.replaceChildren(el('p', { class: 'error' }, document.getElementById('status').textContent)); return; }
  const table = el('table', { class: 'result-table', id: 'cypher-table' },
    el('thead', {}, el('tr', {}, r.columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, r.rows.map((row) => el('tr', {}, row.map((v) => el('td', {}, cell(v)))))));
  const nodes = r.graph?.nodes?.length || 0;
  const rels = r.graph?.relationships?.length || 0;
  out.replaceChildren(
    el('p', { class: 'muted', id: 'cypher-summary' }, `${r.rows.length} row${r.rows.length === 1 ? '' : 's'}${r.truncated ? ' (truncated)' : ''}`
      + (nodes ? ` · ${nodes} nodes and ${rels} relationships drawn on the canvas` : '')),
    el('div', { class: 'table-wrap' }, table));
  if (nodes) {
    const added = canvas.addCypherGraph(r.graph);
    canvas.clearHighlight();
    canvas.highlight(added, 'cited');
    canvas.layout('cose', added);
    canvas.fit(added);
  }
  status(`${r.rows.length} rows`);
}
