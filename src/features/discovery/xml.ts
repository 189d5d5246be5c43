/**
 * Escaping for the XML this archive writes by hand (feeds, sitemaps, OAI-PMH). Characters that
 * XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped rather
 * than escaped: no escape makes them legal, and one stray byte from an import would otherwise make
 * a whole feed or harvest unreadable.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `<name attr="…">text</name>`, or nothing when the value is missing. */
export function element(
  name: string,
  text: string | null | undefined,
  attrs: Record<string, string | number | null | undefined> = {},
): string {
  if (text === null || text === undefined) return '';
  return `<${name}${attributes(attrs)}>${xmlText(text)}</${name}>`;
}

export function attributes(attrs: Record<string, string | number | null | undefined>): string {
  return Object.entries(attrs)
    .filter(
      (entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined,
    )
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
