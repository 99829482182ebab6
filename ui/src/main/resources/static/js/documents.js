// Documents: upload .txt/.md/.jsonl files (multipart POST /api/documents) as an ingest job whose progress is polled
// (GET /api/jobs/{id}); the document list (GET /api/documents) with open and delete.
import { api } from './api.js';
import * as inspector from './inspector.js';
import { el, busy, status } from './dom.js';

const PAGE = 100;
let offset = 0;

export function init() {
  document.getElementById('upload-form').addEventListener('submit', (ev) => { ev.preventDefault(); upload(); });
  document.getElementById('documents-refresh').addEventListener('click', () => refresh());
  document.getElementById('documents-prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); refresh(); });
  document.getElementById('documents-next').addEventListener('click', () => { offset += PAGE; refresh(); });
}

export async function refresh() {
  const [list, o] = await busy('Loading documents…', () => Promise.all([api.documents(offset, PAGE, 'newest'), api.overview(1)])) || [];
  if (!list) return;
  const total = o ? o.figures.documents : null;
  const tbody = document.getElementById('documents-body');
  tbody.replaceChildren(...list.map(row));
  document.getElementById('documents-count').textContent = list.length
    ? `Documents ${offset + 1}–${offset + list.length}${total != null ? ' of ' + total : ''} (newest first)` : 'No documents';
  document.getElementById('documents-prev').disabled = offset === 0;
  document.getElementById('documents-next').disabled = list.length < PAGE;
}

function row(d) {
  const del = el('button', { type: 'button', class: 'danger', dataset: { action: 'delete' }, 'aria-label': `Delete ${d.title || d.id}` }, 'Delete');
  del.addEventListener('click', async () => {
    if (del.dataset.confirm !== 'yes') {
      del.dataset.confirm = 'yes';
      del.textContent = 'Confirm delete';
      del.focus();
      return;
    }
    const ok = await busy(`Deleting ${d.id}…`, async () => { await api.deleteDocument(d.id); return true; });
    if (ok) {
      inspector.forgetDocument(d.id);
      inspector.forgetDocuments();
      await refresh();
      status(`Deleted ${d.title || d.id}`);
    }
  });
  del.addEventListener('blur', () => { del.dataset.confirm = ''; del.textContent = 'Delete'; });
  return el('tr', { dataset: { documentId: d.id } },
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => inspector.showDocument(d.id) }, d.title || d.id)),
    el('td', { class: 'mono' }, d.id),
    el('td', { class: 'num' }, String(d.chunks)),
    el('td', {}, [d.tenant, ...(d.acl || [])].filter(Boolean).join(' · ')),
    el('td', {}, del));
}

async function upload() {
  const input = document.getElementById('upload-files');
  if (!input.files.length) { status('Choose .txt, .md or .jsonl files first', 'error'); return; }
  const form = new FormData();
  [...input.files].forEach((f) => form.append('files', f, f.name));
  const tenant = document.getElementById('upload-tenant').value.trim();
  if (tenant) form.append('tenant', tenant);
  document.getElementById('upload-acl').value.split(',').map((g) => g.trim()).filter(Boolean).forEach((g) => form.append('acl', g));
  const names = [...input.files].map((f) => f.name);
  const job = await busy('Uploading…', () => api.upload(form));
  if (!job) return;
  input.value = '';
  await follow(job, names.length === 1 ? names[0] : `${names.length} files`);
}

async function follow(job, what) {
  const box = document.getElementById('job');
  const bar = document.getElementById('job-progress');
  const text = document.getElementById('job-text');
  const cancel = document.getElementById('job-cancel');
  box.hidden = false;
  cancel.hidden = false;
  cancel.onclick = () => busy('Cancelling…', () => api.cancelJob(job.id));
  let current = job;
  for (;;) {
    box.dataset.state = current.state;
    if (current.total > 0) { bar.max = current.total; bar.value = current.done; } else { bar.removeAttribute('value'); }
    text.textContent = `Ingest of ${what}: ${current.state.toLowerCase()}` + (current.total > 0 ? ` — ${current.done} of ${current.total} documents` : '')
      + (current.written ? `, ${current.written} written` : '') + (current.unchanged ? `, ${current.unchanged} unchanged` : '')
      + (current.chunksSplit ? `, ${current.chunksEmbedded} of ${current.chunksSplit} chunks embedded` : '');
    if (!['QUEUED', 'RUNNING'].includes(current.state)) break;
    await new Promise((r) => setTimeout(r, 400));
    const next = await busy('', () => api.job(job.id));
    if (!next) return;
    current = next;
  }
  cancel.hidden = true;
  if (current.state === 'SUCCEEDED') { bar.max = 1; bar.value = 1; }
  const errors = current.errors || [];
  text.textContent += current.summary ? ` — ${current.summary}` : '';
  document.getElementById('job-errors').replaceChildren(...errors.map((e) => el('li', {}, `${e.document}${e.line ? ':' + e.line : ''}: ${e.message}`)));
  inspector.forgetDocuments();
  // the newest documents come first: a fresh upload is on the first page
  offset = 0;
  await refresh();
  status(`Ingest ${current.state.toLowerCase()}`, current.state === 'SUCCEEDED' ? 'info' : 'error');
}
