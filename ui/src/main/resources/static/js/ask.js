// Ask: a question and a retrieval mode → POST /api/query; the answer (when an LLM is configured), cited passages,
// verbalized paths; seeds and path entities are put on the canvas and marked.
import { api } from './api.js';
import * as canvas from './canvas.js';
import * as inspector from './inspector.js';
import { api as client } from './api.js';
import { el, busy, clip, status } from './dom.js';

const ARROWS = /\s(?:—(.+?)→|←(.+?)—)\s/g;

/** Splits "A —p→ B ←q— C" into names [A, B, C] and steps [{predicate: p, forward: true}, ...]. */
export function parsePath(text) {
  const names = []; const steps = [];
  let last = 0; let m;
  ARROWS.lastIndex = 0;
  while ((m = ARROWS.exec(text)) !== null) {
    names.push(text.slice(last, m.index));
    steps.push(m[1] !== undefined ? { predicate: m[1], forward: true } : { predicate: m[2], forward: false });
    last = m.index + m[0].length;
  }
  names.push(text.slice(last));
  return { names, steps };
}

export function init() {
  const form = document.getElementById('ask-form');
  form.addEventListener('submit', (ev) => { ev.preventDefault(); ask(); });
}

async function ask() {
  const question = document.getElementById('ask-question').value.trim();
  if (!question) return;
  const mode = document.getElementById('ask-mode').value;
  const topK = Number(document.getElementById('ask-topk').value) || 5;
  const out = document.getElementById('ask-result');
  out.replaceChildren(el('p', { class: 'muted' }, 'Retrieving…'));
  const r = await busy('Asking…', () => api.query(question, mode, topK));
  if (!r) { out.replaceChildren(); return; }
  if (r.themes && r.themes.length) { showThemes(r, out); return; }
  const marked = markOnCanvas(r, question);
  const cy = canvas.instance();
  const node = (id) => cy.getElementById(canvas.entityNodeId(id));
  const activate = (row, eles, what) => {
    out.querySelectorAll('.active').forEach((x) => x.classList.remove('active'));
    row.classList.add('active');
    canvas.spotlight(eles);
    status(`${what} focused on the canvas`);
  };
  const passageRow = (p) => {
    const row = el('li', { class: 'passage', dataset: { chunkId: p.chunkId }, title: 'Show its entities on the canvas' },
      el('button', { type: 'button', class: 'link', onclick: () => inspector.showChunk(p.chunkId) },
        `${p.citation != null ? '[' + p.citation + '] ' : ''}${p.source || p.title || p.documentId}`),
      el('span', { class: 'score' }, ` ${p.score.toFixed(3)}`),
      p.grade ? el('span', { class: `grade grade-${p.grade}`, title: `relevance ${p.relevance.toFixed(2)}` +
        (p.gradedBy === 'llm' ? ', graded by the LLM' : '') +
        (p.grade === 'irrelevant' ? ': left out of the context' : '') }, ` ${p.grade}`) : null,
      p.supports ? el('span', { class: 'grade grade-supports', title: 'the LLM says it states the answer' }, ' supports') : null,
      el('div', { class: 'passage-text' }, clip(p.text, 300)));
    row.addEventListener('click', async (ev) => {
      if (ev.target.closest('button')) return;
      const chunk = await busy('Loading passage…', () => client.chunk(p.chunkId));
      if (!chunk) return;
      const ids = new Set(chunk.entities.map((e) => e.id));
      activate(row, cy.nodes().filter((n) => ids.has(n.data('ref'))), 'Passage entities');
    });
    return row;
  };
  const facts = []; const slots = [];
  const pathRow = (p) => {
    const { names, steps } = parsePath(p.text);
    let eles = cy.collection();
    p.entityIds.forEach((id, i) => {
      eles = eles.union(node(id));
      if (i > 0) eles = eles.union(node(p.entityIds[i - 1]).edgesWith(node(id)));
    });
    const slot = el('span', { class: 'evidence-slot' });
    if (p.entityIds.length > 1 && names.length === p.entityIds.length) {
      facts.push({ source: p.entityIds[0], target: p.entityIds[1], predicate: steps[0] ? steps[0].predicate : '', chunkIds: p.chunkIds });
      slots.push(slot);
    }
    const row = el('li', { class: 'vpath', title: 'Focus this path on the canvas' }, el('span', { class: 'path-text' }, p.text), slot);
    row.addEventListener('click', (ev) => { if (!ev.target.closest('button')) activate(row, eles, 'Path'); });
    return row;
  };
  out.replaceChildren(
    r.covered === false ? el('p', { class: 'not-covered', id: 'ask-not-covered', role: 'status' }, r.note) : '',
    r.answer ? el('section', { class: 'answer', id: 'ask-answer' }, el('h3', {}, 'Answer'),
      el('p', {}, r.answer.text || r.answer.error || ''),
      (r.answer.cited || []).length ? el('p', { class: 'muted', id: 'ask-supported-by' },
        'Supported by passages ' + r.answer.cited.map(n => '[' + n + ']').join(' ')) : null)
      : el('p', { class: 'muted' }, 'No LLM is configured: showing the retrieved evidence.'),
    subQuestions(r),
    el('h3', {}, `Passages (${r.passages.length})`),
    el('ol', { class: 'passages', id: 'ask-passages' }, r.passages.map(passageRow)),
    el('h3', {}, `Paths (${r.paths.length})`),
    r.paths.length ? el('ul', { class: 'paths', id: 'ask-paths' }, r.paths.map(pathRow))
      : el('p', { class: 'muted' }, 'No paths.'),
    el('h3', {}, `Seeds (${r.seeds.length})`),
    el('p', { class: 'entity-chips', id: 'ask-seeds' }, r.seeds.map((s) => {
      const chip = el('button', { type: 'button', class: 'chip seed-chip', dataset: { entityId: s.entityId },
        title: 'Focus this seed on the canvas' }, `${s.name} (${s.via}, ${s.weight.toFixed(3)})`);
      chip.addEventListener('click', () => activate(chip, node(s.entityId), 'Seed'));
      return chip;
    })),
    el('p', { class: 'muted timings' }, `Marked ${marked} nodes on the canvas. ` + Object.entries(r.timingsMillis || {})
      .map(([k, v]) => `${k} ${Math.round(v)} ms`).join(' · ')));
  inspector.fillEvidence(facts, slots);
}

/** How the question was split (sub-questions with the hops' answers) and retried or graded (notes), when it was. */
function subQuestions(r) {
  const parts = r.subQuestions || []; const notes = r.notes || [];
  if (!parts.length && !notes.length) return '';
  return el('section', { class: 'sub-questions', id: 'ask-sub-questions' },
    parts.length ? el('h3', {}, `Sub-questions (${parts.length})`) : null,
    parts.length ? el('ol', { class: 'sub-question-list' }, parts.map((q) => el('li', { class: 'sub-question' },
      el('span', {}, q.question),
      q.answer ? el('span', { class: 'hop-answer', title: q.resolvedBy || '' }, ` → ${q.answer}`) : null,
      q.resolvedBy ? el('span', { class: 'muted small' }, q.answer ? ` (${q.resolvedBy})` : ` (no answer: ${q.resolvedBy})`) : null))) : null,
    notes.length ? el('ul', { class: 'muted small retrieval-notes', id: 'ask-notes' }, notes.map((n) => el('li', {}, n))) : null);
}

/** A global question's answer: the ranked themes, each with its cited evidence. */
function showThemes(r, out) {
  out.replaceChildren(
    r.answer ? el('section', { class: 'answer', id: 'ask-answer' }, el('h3', {}, 'Answer'),
      el('p', {}, r.answer.text || r.answer.error || '')) : el('p', { class: 'muted' }, 'No LLM is configured: showing the ranked themes of the collection.'),
    el('h3', {}, `Themes (${r.themes.length})`),
    el('ol', { class: 'themes', id: 'ask-themes' }, r.themes.map((t) => el('li', { class: 'theme', dataset: { community: t.communityId } },
      el('strong', {}, t.title), el('span', { class: 'muted small' }, ` ${t.size} entities · ${t.documentCount} documents`),
      t.keywords.length ? el('div', { class: 'muted small' }, t.keywords.join(', ')) : null,
      el('ul', {}, t.evidence.map((l) => el('li', {}, clip(l.text, 240), ' ',
        el('button', { type: 'button', class: 'link small', onclick: () => inspector.showChunk(l.chunkId) }, `[${l.title || l.chunkId}]`))))))),
    el('p', { class: 'muted timings' }, Object.entries(r.timingsMillis || {}).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(' · ')));
}

/** Adds seeds and path entities (with the paths' edges) to the canvas and marks them; returns how many nodes. */
function markOnCanvas(r, question) {
  canvas.unfocus();
  canvas.clearHighlight();
  const cy = canvas.instance();
  let marked = cy.collection();
  cy.batch(() => {
    r.seeds.forEach((s, i) => {
      marked = marked.union(canvas.addEntity({ id: s.entityId, name: s.name }, { index: i, of: r.seeds.length }).addClass('seed'));
    });
    r.paths.forEach((p) => {
      const { names, steps } = parsePath(p.text);
      const same = names.length === p.entityIds.length;
      p.entityIds.forEach((id, i) => {
        marked = marked.union(canvas.addEntity({ id, name: same ? names[i] : id }).addClass('path'));
      });
      for (let i = 0; i + 1 < p.entityIds.length; i++) {
        const step = same && steps[i] ? steps[i] : { predicate: '', forward: true };
        const a = canvas.entityNodeId(p.entityIds[i]); const b = canvas.entityNodeId(p.entityIds[i + 1]);
        const edge = step.forward ? canvas.addEdge(a, b, 'RELATION', step.predicate, { chunkIds: p.chunkIds })
          : canvas.addEdge(b, a, 'RELATION', step.predicate, { chunkIds: p.chunkIds });
        marked = marked.union(edge.addClass('path'));
      }
    });
  });
  if (marked.nonempty()) {
    canvas.highlight(marked, 'path');
    r.seeds.forEach((s) => cy.getElementById(canvas.entityNodeId(s.entityId)).removeClass('path').addClass('seed'));
    canvas.focusOn(marked, `Ask: ${clip(question, 60)}`);
  }
  return marked.nodes().length;
}
