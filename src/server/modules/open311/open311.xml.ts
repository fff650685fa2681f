/**
 * The XML forms of GeoReport v2 (XML is the spec's mandatory format). JSON is the "Spark" mapping
 * of the XML, so one value tree serves both: objects become child elements, arrays become a
 * wrapper element holding one element per item (named below), null and undefined are left out.
 * Text is escaped and characters XML 1.0 cannot carry are dropped, so any stored text is safe.
 */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/** The element of each item inside a list wrapper, per the spec and mySociety's extensions. */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  groups: 'group',
  endpoints: 'endpoint',
  formats: 'format',
};

// Tab, LF, CR and the Unicode ranges XML 1.0 allows; everything else (C0 controls, lone surrogates, U+FFFE/F) goes.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function scalar(value: string | number | boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return escapeXml(String(value));
}

function element(name: string, value: XmlValue, depth: number, out: string[]): void {
  if (value === null || value === undefined) return;
  const pad = '  '.repeat(depth);
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`open311 xml: no item element for list <${name}>`);
    if (value.length === 0) {
      out.push(`${pad}<${name}/>`);
      return;
    }
    out.push(`${pad}<${name}>`);
    for (const v of value) element(item, v, depth + 1, out);
    out.push(`${pad}</${name}>`);
    return;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    if (entries.length === 0) {
      out.push(`${pad}<${name}/>`);
      return;
    }
    out.push(`${pad}<${name}>`);
    for (const [k, v] of entries) element(k, v, depth + 1, out);
    out.push(`${pad}</${name}>`);
    return;
  }
  out.push(`${pad}<${name}>${scalar(value)}</${name}>`);
}

/**
 * A whole document: `toXml('services', [...])` gives <services><service>…</service></services>;
 * `toXml('service_definition', {...})` gives one element with children.
 */
export function toXml(root: string, value: XmlValue): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  element(root, value, 0, out);
  if (out.length === 1) out.push(`<${root}/>`);
  return `${out.join('\n')}\n`;
}
