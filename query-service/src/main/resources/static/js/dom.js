/**
 * Building small pieces of the page from code: {@code el('button', { class: 'big', text: 'Check in' })}.
 * Properties become attributes, except {@code class}, {@code text} and {@code checked}; null, undefined and
 * false leave an attribute out; children that are null or false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key === 'text') {
      element.textContent = value;
    } else if (key === 'checked') {
      element.checked = Boolean(value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  element.append(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return element;
}

/** A labelled input: {@code field('Weight', { name: 'weightKg', type: 'number' }, 'kg')}. */
export function field(label, input, unit = null) {
  return el('label', { class: 'field' },
    el('span', { class: 'field-label', text: label }),
    el('input', { autocomplete: 'off', ...input }),
    unit ? el('span', { class: 'unit', text: unit }) : null);
}
