// C0 control characters other than tab and line feed, and DEL: pdftotext leaves them where a
// font lacks a Unicode map, and the stored page text has turned them into spaces.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Words as stored page text and pdftotext are compared: runs of non-space with a letter or digit. */
export function countWords(text: string): number {
  const cleaned = text.replace(CONTROL, ' ');
  let n = 0;
  for (const token of cleaned.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}
