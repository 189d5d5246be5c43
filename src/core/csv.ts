/**
 * CSV as RFC 4180 writes it (every cell quoted, CRLF between records), made safe to open in a
 * spreadsheet: a cell that a spreadsheet would run as a formula (=, +, -, @, or a leading tab or
 * carriage return) is prefixed with an apostrophe, so an actor label such as
 * `=HYPERLINK("http://evil")` typed into a form stays text in whoever opens the export.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/;

export function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRecord(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
