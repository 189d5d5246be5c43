/**
 * HTML with every link and image address made absolute against `base` (the piece's canonical
 * address). Feed readers show an item outside its page, where "#fn1" or "/reports/x/map.png"
 * would point nowhere; the W3C Feed Validator flags such links in RSS, which has no xml:base.
 * Only the attributes that hold an address are touched (href, src, srcset, poster, cite); the
 * HTML comes from the archive's own Markdown renderer and sanitizer, so attributes are quoted.
 */
export function absoluteLinks(html: string, base: string): string {
  return html.replace(
    /(\s(?:href|src|poster|cite|srcset)=)(["'])([^"']*)\2/gi,
    (whole, attr: string, quote: string, value: string) => {
      const resolved = /srcset=$/i.test(attr) ? absoluteSrcset(value, base) : absolute(value, base);
      return resolved === null ? whole : `${attr}${quote}${resolved}${quote}`;
    },
  );
}

function absolute(value: string, base: string): string | null {
  const raw = value.replace(/&amp;/g, '&');
  if (raw.trim() === '') return null;
  try {
    const url = new URL(raw, base).href;
    return url.replace(/&/g, '&amp;');
  } catch {
    return null;
  }
}

/** "a.avif 480w, b.avif 960w": each candidate's address, its descriptor kept. */
function absoluteSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [address, ...descriptor] = candidate.trim().split(/\s+/);
      if (!address) return candidate;
      return [absolute(address, base) ?? address, ...descriptor].join(' ');
    })
    .join(', ');
}
