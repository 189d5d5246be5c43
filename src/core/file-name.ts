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
  const ascii = base
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 120)
    .toLowerCase();
  return `${ascii || 'file'}.${extension}`;
}
