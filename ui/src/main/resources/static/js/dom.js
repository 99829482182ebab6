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

/** Shows a message in the status line; errors stay until the next message. */
export function status(message, kind = 'info') {
  const line = document.getElementById('status');
  if (!line) return;
  line.textContent = message;
  line.dataset.kind = kind;
  clearTimeout(statusTimer);
  if (kind !== 'error' && kind !== 'busy') statusTimer = setTimeout(() => { if (line.textContent === message) line.textContent = ''; }, 6000);
}

/** Runs an async action with a busy message, reporting failures in the status line; returns its value or undefined. */
export async function busy(message, action) {
  status(message, 'busy');
  try {
    const value = await action();
    if (document.getElementById('status')?.textContent === message) status('');
    return value;
  } catch (e) {
    status(e.message || String(e), 'error');
    return undefined;
  }
}

/** A short form of a long text. */
export function clip(text, n = 240) {
  if (!text) return '';
  return text.length > n ? text.slice(0, n - 1) + '…' : text;
}
