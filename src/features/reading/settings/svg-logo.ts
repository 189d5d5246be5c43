import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ValidationError } from '../../../core/errors.ts';

/**
 * An uploaded SVG logo, rewritten from a strict allowlist. The file is parsed as XML by saxes
 * (already used for WordPress exports), and a new document is written from what it read: only
 * the shapes, groups, gradients and text a logo needs, only presentation attributes, only links
 * to fragments of the same document. Scripts, event handlers, `<foreignObject>`, `<style>`,
 * `style` attributes, external references and `<!DOCTYPE>` (entity expansion) cannot survive,
 * because nothing outside the list is ever written.
 *
 * Why not a general sanitizer: DOMPurify needs a DOM (jsdom on the server, a large dependency
 * tree for one upload form), and sanitize-html parses as HTML, which folds the case of SVG's
 * camelCase attributes (`viewBox`) and is built to allow markup rather than rebuild it. A logo
 * needs a few dozen names; an allowlist over a real XML parser is short enough to read whole.
 */
const ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'title',
  'desc',
  'defs',
  'lineargradient',
  'radialgradient',
  'stop',
  'clippath',
  'mask',
  'use',
  'symbol',
]);

const ATTRIBUTES = new Set([
  'id',
  'class',
  'viewbox',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fx',
  'fy',
  'd',
  'points',
  'transform',
  'fill',
  'fill-opacity',
  'fill-rule',
  'clip-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'opacity',
  'clip-path',
  'mask',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientunits',
  'gradienttransform',
  'spreadmethod',
  'preserveaspectratio',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'dx',
  'dy',
  'role',
  'aria-label',
  'aria-hidden',
  'xml:space',
  'href',
  'xlink:href',
  'version',
  'xmlns',
  'xmlns:xlink',
]);

/** The most an SVG logo may weigh; a logo is a few kilobytes. */
export const MAX_SVG_BYTES = 256 * 1024;

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A value that points only inside this document, or none at all. */
function safeValue(name: string, value: string): boolean {
  if (name === 'href' || name === 'xlink:href') return /^#[A-Za-z_][\w.-]*$/.test(value);
  if (name === 'xmlns') return value === 'http://www.w3.org/2000/svg';
  if (name === 'xmlns:xlink') return value === 'http://www.w3.org/1999/xlink';
  // url(...) only to a fragment: fill="url(#gradient)", never an address.
  for (const m of value.matchAll(/url\s*\(([^)]*)\)/gi)) {
    if (!/^\s*['"]?#[A-Za-z_][\w.-]*['"]?\s*$/.test(m[1]!)) return false;
  }
  return !/javascript:|data:|expression\s*\(|[<>]/i.test(value);
}

/** The logo's safe rewriting, or a ValidationError saying why it cannot be one. */
export function sanitizeSvgLogo(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_SVG_BYTES) {
    throw new ValidationError(`logo: An SVG logo may be at most ${MAX_SVG_BYTES / 1024} KB`, [
      { path: 'logo', message: `At most ${MAX_SVG_BYTES / 1024} KB` },
    ]);
  }
  const source = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const parser = new SaxesParser({ xmlns: false });
  const out: string[] = [];
  /** Depth inside an element that is dropped with everything in it. */
  let dropped = 0;
  const open: string[] = [];
  let root: string | null = null;
  let failure: string | null = null;
  parser.on('error', (e) => {
    failure ??= e.message;
  });
  parser.on('doctype', () => {
    failure ??= 'a DOCTYPE is not accepted';
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name.toLowerCase();
    root ??= name;
    if (dropped > 0 || !ELEMENTS.has(name)) {
      dropped++;
      return;
    }
    const attrs = Object.entries(tag.attributes)
      .map(([k, v]) => [k, String(v)] as const)
      .filter(([k, v]) => ATTRIBUTES.has(k.toLowerCase()) && safeValue(k.toLowerCase(), v))
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('');
    const xmlns =
      name === 'svg' && !('xmlns' in tag.attributes) ? ' xmlns="http://www.w3.org/2000/svg"' : '';
    out.push(`<${tag.name}${xmlns}${attrs}>`);
    open.push(tag.name);
  });
  parser.on('closetag', () => {
    if (dropped > 0) {
      dropped--;
      return;
    }
    out.push(`</${open.pop()}>`);
  });
  parser.on('text', (text: string) => {
    if (dropped === 0 && open.length > 0) out.push(escapeXml(text));
  });
  try {
    parser.write(source).close();
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  if (failure !== null || root !== 'svg') {
    const message = `Not an SVG image that can be read${failure ? ` (${failure})` : ''}`;
    throw new ValidationError(`logo: ${message}`, [{ path: 'logo', message }]);
  }
  return out.join('');
}
