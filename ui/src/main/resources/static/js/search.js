// Entity search with suggestions as you type (GET /api/entities?q=), as an accessible combobox.
import { api } from './api.js';

let counter = 0;

/**
 * Turns {@code input} into a combobox whose suggestions are entities; {@code onChoose(entity)} gets the one picked
 * with Enter or a click (and {@code how}: 'enter' or 'click'). Returns {@code {chosen()}}, the entity last picked (null after the text changes).
 */
export function attachSuggest(input, onChoose, { k = 8 } = {}) {
  const list = document.createElement('ul');
  list.className = 'suggestions';
  list.id = `suggest-${++counter}`;
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.insertAdjacentElement('afterend', list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';

  let items = [];
  let active = -1;
  let chosen = null;
  let timer = null;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };

  const render = () => {
    list.replaceChildren(...items.map((e, i) => {
      const li = document.createElement('li');
      li.id = `${list.id}-${i}`;
      li.setAttribute('role', 'option');
      li.className = 'suggestion' + (i === active ? ' active' : '');
      li.setAttribute('aria-selected', String(i === active));
      li.dataset.entityId = e.id;
      const name = document.createElement('span');
      name.textContent = e.name || e.id;
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = `${e.chunkCount} chunk${e.chunkCount === 1 ? '' : 's'}${e.via === 'vector' ? ' · similar meaning' : ''}`;
      li.append(name, meta);
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); choose(i, 'click'); });
      return li;
    }));
    if (items.length === 0 && input.value.trim()) {
      const li = document.createElement('li');
      li.className = 'suggestion empty';
      li.textContent = 'No entity matches';
      list.append(li);
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-activedescendant', active >= 0 ? `${list.id}-${active}` : '');
  };

  const choose = (i, how) => {
    const e = items[i];
    if (!e) return;
    chosen = e;
    input.value = e.name || e.id;
    close();
    onChoose(e, how);
  };

  const lookup = async () => {
    const q = input.value.trim();
    if (!q) { items = []; close(); return; }
    const mine = ++seq;
    try {
      const hits = await api.entities(q, k);
      if (mine !== seq) return;
      items = hits;
      active = items.length ? 0 : -1;
      if (document.activeElement === input) render();
      input.dataset.matches = String(items.length);
    } catch (e) {
      if (mine === seq) { items = []; close(); input.dispatchEvent(new CustomEvent('engram-error', { bubbles: true, detail: e.message })); }
    }
  };

  input.addEventListener('input', () => {
    chosen = null;
    clearTimeout(timer);
    timer = setTimeout(lookup, 180);
  });
  input.addEventListener('keydown', async (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (list.hidden) { await lookup(); return; }
      ev.preventDefault();
      const n = items.length;
      if (n) active = (active + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
      render();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(timer);
      // Enter on a name already chosen confirms it again (the Paths form submits on it)
      if (list.hidden && chosen && input.value === (chosen.name || chosen.id)) { onChoose(chosen, 'enter'); return; }
      if (list.hidden || !items.length) await lookup();
      if (items.length) choose(active >= 0 ? active : 0, 'enter');
    } else if (ev.key === 'Escape') {
      if (!list.hidden) { ev.stopPropagation(); close(); }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 120));

  return { chosen: () => chosen, close };
}
