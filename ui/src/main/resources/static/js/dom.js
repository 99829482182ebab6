// Small DOM helpers shared by the panels, and the status line.

/** Creates an element: el('button', {class: 'x', onclick: fn}, 'text', child...). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

let statusTimer;

/**
 * Shows a message in the status line. Errors and hints (what to do next) stay until the next message; other
 * messages stay 15 s, long enough to be read.
 */
export function status(message, kind = 'info') {
  const line = document.getElementById('status');
  if (!line) return;
  line.textContent = message;
  line.dataset.kind = kind;
  clearTimeout(statusTimer);
  if (kind === 'info') statusTimer = setTimeout(() => { if (line.textContent === message) line.textContent = ''; }, 15000);
}

/**
 * Runs an async action with a busy message, reporting failures in the status line; returns its value or undefined.
 * When it succeeds, the message it covered (a hint, a result) comes back rather than an empty line.
 */
export async function busy(message, action) {
  const line = document.getElementById('status');
  const covered = line && ['hint', 'info'].includes(line.dataset.kind) ? { text: line.textContent, kind: line.dataset.kind } : null;
  status(message, 'busy');
  try {
    const value = await action();
    if (line?.textContent === message) {
      if (covered && covered.text) status(covered.text, covered.kind); else status('');
    }
    return value;
  } catch (e) {
    status(e.message || String(e), 'error');
    return undefined;
  }
}

/** Runs a console's query on its form's submit and on Ctrl+Enter (Cmd+Enter) in its query box. */
export function onRun(formId, textId, run) {
  document.getElementById(formId).addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
  document.getElementById(textId).addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });
}

/** A short form of a long text. */
export function clip(text, n = 240) {
  if (!text) return '';
  return text.length > n ? text.slice(0, n - 1) + '…' : text;
}

/** The text with every occurrence of {@code terms} (case-insensitive) wrapped in <mark>, as DOM nodes. */
export function highlighted(text, terms) {
  const words = [...new Set((terms || []).filter((t) => t && t.trim().length > 1))].sort((a, b) => b.length - a.length);
  if (!text || !words.length) return [text || ''];
  const pattern = new RegExp('(' + words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')', 'gi');
  return text.split(pattern).map((part, i) => (i % 2 ? el('mark', {}, part) : part));
}
