// Cypher console: a read-only query → POST /api/cypher → a table of rows, and the nodes and relationships in them
// on the canvas. Ctrl+Enter (or the Run button) runs it.
import { api } from './api.js';
import * as canvas from './canvas.js';
import { el, onRun, status } from './dom.js';

export function init() {
  onRun('cypher-form', 'cypher-query', run);
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
  status('Running Cypher…', 'busy');
  let r;
  try {
    r = await api.cypher(query);
  } catch (e) {
    // the error is shown once, next to the query it is about
    out.replaceChildren(el('p', { class: 'error', id: 'cypher-error' }, e.message));
    status('The query was refused', 'error');
    return;
  }
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
    canvas.unfocus();
    const added = canvas.addCypherGraph(r.graph);
    canvas.clearHighlight();
    canvas.highlight(added, 'result');
    canvas.focusOn(added, `Cypher: ${r.rows.length} row${r.rows.length === 1 ? '' : 's'}`);
  }
  status(`${r.rows.length} rows`);
}
