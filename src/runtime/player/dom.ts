/** Small DOM helpers: the player builds a few elements itself and never writes inline styles (CSP). */

export const $ = <E extends Element = HTMLElement>(root: ParentNode, selector: string): E | null => root.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] => [...root.querySelectorAll<E>(selector)];

/** An element with attributes and text; `false`/`undefined` attributes are left out. */
export function make<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  if (text !== undefined) el.textContent = text;
  return el;
}

export function button(doc: Document, label: string, className = "sp-button", onClick?: () => void): HTMLButtonElement {
  const b = make(doc, "button", { type: "button", class: className }, label);
  if (onClick) b.addEventListener("click", onClick);
  return b;
}

/** Sets the text of the element under `root` with this selector, creating nothing. */
export function setText(root: ParentNode, selector: string, text: string): void {
  const el = $(root, selector);
  if (el) el.textContent = text;
}

/** Focuses an element that is not focusable by itself (a heading, a result), for keyboard and screen-reader users. */
export function focusQuietly(el: HTMLElement | null): void {
  if (!el) return;
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll: false });
}

/** A number as the learner's language writes it: 83,33 in Lithuanian and Polish, 83.33 in English. */
export const formatNumber = (value: number, language: string) => {
  try {
    return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  } catch {
    return String(value);
  }
};
