// A tiny DOM builder: h('button', {class: 'x', onclick: fn}, 'text', child). No innerHTML, so
// every text from the API is inserted as text (no markup injection), and no inline styles (CSP).

export function h(tag, attrs, ...children) {
  const el = document.createElementNS(
    tag === 'svg' || attrs?.__svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml',
    tag,
  );
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === '__svg' || v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked' && 'checked' in el) el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

// SVG element.
export function s(tag, attrs, ...children) {
  return h(tag, { ...(attrs || {}), __svg: true }, ...children);
}

// append(el, child, [child, ...], ...): nested arrays are flattened; null/false skipped.
export function append(el, ...children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function replace(el, ...children) {
  clear(el);
  return append(el, ...children);
}
