import { romanize } from 'es-hangul';
/**
 * A download's file name, made safe: no directories, no control or reserved characters, Latin
 * letters folded from their accents, and the extension the content really has. The original
 * (Unicode) name still reaches the browser through RFC 6266's filename* parameter.
 */
export function safeFileName(original: string, extension: string): string {
  const base = original
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[A-Za-z0-9]{1,5}$/, '');
  // Hangul is romanized as slugs are (core/slug.ts), so 보고서.pdf and 부록.pdf get two addresses.
  const ascii = base
    .replace(/[\uac00-\ud7a3]+/g, (hangul) => `-${romanize(hangul)}-`)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 120)
    .toLowerCase();
  return `${ascii || 'file'}.${extension}`;
}

const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const EXTENSION = /\.([A-Za-z0-9]{1,5})$/;
/** Long enough for any real name, short of the column's 255 once the extension is added. */
const KEPT_LENGTH = 200;

/** A file's extension as its URL spells it: lower case, and "jpeg" as "jpg". */
function urlExtension(extension: string): string {
  const lower = extension.toLowerCase();
  return lower === 'jpeg' ? 'jpg' : lower;
}

/**
 * The name a file was uploaded under, kept for people to read ("보고서 Report (final).pdf"):
 * Unicode in NFC, without the folders a browser may send, control and direction-changing
 * characters, or leading dots, bounded in length, and ending in the extension the content
 * really has. Its address is `fileUrlName` of it, so one stored name serves both.
 */
export function keptFileName(original: string, extension: string): string {
  let name = original
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
  const own = EXTENSION.exec(name)?.[1];
  if (own) name = name.slice(0, -own.length - 1);
  name = name.replace(/^\.+/, '').trim() || 'file';
  // Counted in UTF-16 units, as the schema's 255 is, and never cutting a character in two.
  let bounded = '';
  for (const ch of name) {
    if (bounded.length + ch.length > KEPT_LENGTH) break;
    bounded += ch;
  }
  name = bounded.trim();
  const kept = own && urlExtension(own) === extension ? own : extension;
  return `${name}.${kept}`;
}

/**
 * The address of a stored file name under its publication's folder: lower-case ASCII
 * ("report-final.pdf"). A name stored before the original names were kept is already one,
 * and stays the same.
 */
export function fileUrlName(fileName: string): string {
  return safeFileName(fileName, urlExtension(EXTENSION.exec(fileName)?.[1] ?? 'bin'));
}

/**
 * A Content-Disposition header that offers the file under its kept name: the safe ASCII name
 * for old clients, and the name itself in RFC 5987's filename* for the rest.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fileUrlName(fileName)}"; filename*=UTF-8''${encoded}`;
}
