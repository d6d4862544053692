// Tiny DOM helpers: the page is plain TypeScript and the DOM, no framework.

const SVG_NS = 'http://www.w3.org/2000/svg';

type Attributes = Record<string, string | number | undefined>;

/** An HTML element with attributes and children (strings become text, never HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

/** An SVG element with attributes and children. */
export function s(tag: string, attributes: Attributes = {}, ...children: (Node | string | null)[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, String(value));
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: (Node | string | null)[]): void {
  parent.replaceChildren(...children.filter((child): child is Node | string => child !== null));
}

/** `1h 02m`, `3m 05s`, `12s` from milliseconds. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** `12,345` tokens; `-` when unknown. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : value.toLocaleString('en-US');
}
