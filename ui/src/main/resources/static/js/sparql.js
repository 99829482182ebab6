// SPARQL console: a read-only query → the standard SPARQL 1.1 Protocol endpoint /sparql → a table of bindings
// (SELECT), a yes/no (ASK) or the triples as N-Triples (CONSTRUCT, DESCRIBE). Ctrl+Enter (or Run) runs it.
import { api } from './api.js';
import { el, busy, onRun, status } from './dom.js';

export function init() {
  onRun('sparql-form', 'sparql-query', run);
}

// one RDF term of SPARQL JSON results, as it reads in Turtle
function term(t) {
  if (!t) return el('span', { class: 'muted' }, 'unbound');
  if (t.type === 'uri') return el('code', { title: t.value }, `<${t.value}>`);
  if (t.type === 'bnode') return el('code', {}, `_:${t.value}`);
  const suffix = t['xml:lang'] ? `@${t['xml:lang']}` : t.datatype ? `^^<${t.datatype}>` : '';
  return el('span', { title: suffix || undefined }, t.value, suffix ? el('span', { class: 'muted' }, ' ' + suffix) : null);
}

async function run() {
  const query = document.getElementById('sparql-query').value.trim();
  if (!query) return;
  const out = document.getElementById('sparql-result');
  const r = await busy('Running SPARQL…', () => api.sparql(query));
  if (!r) { out.replaceChildren(el('p', { class: 'error' }, document.getElementById('status').textContent)); return; }
  const cut = r.truncated ? ' (truncated at the row cap)' : '';
  if (r.text !== undefined) {
    const lines = r.text.split('\n').filter((l) => l.trim()).length;
    out.replaceChildren(el('p', { class: 'muted', id: 'sparql-summary' }, `${lines} triple${lines === 1 ? '' : 's'}${cut}`),
      el('pre', { class: 'mono', id: 'sparql-triples' }, r.text));
    status(`${lines} triples`);
    return;
  }
  if (typeof r.json.boolean === 'boolean') {
    out.replaceChildren(el('p', { id: 'sparql-summary' }, r.json.boolean ? 'yes' : 'no'));
    status(r.json.boolean ? 'yes' : 'no');
    return;
  }
  const vars = r.json.head.vars;
  const rows = r.json.results.bindings;
  const table = el('table', { class: 'result-table', id: 'sparql-table' },
    el('thead', {}, el('tr', {}, vars.map((v) => el('th', { scope: 'col' }, '?' + v)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, vars.map((v) => el('td', {}, term(row[v])))))));
  out.replaceChildren(
    el('p', { class: 'muted', id: 'sparql-summary' }, `${rows.length} row${rows.length === 1 ? '' : 's'}${cut}`),
    el('div', { class: 'table-wrap' }, table));
  status(`${rows.length} rows`);
}
