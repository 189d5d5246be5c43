import { markdownToText } from './markdown.ts';

/**
 * A body's running text and its notes as plain text: what the search index reads of a body, and
 * the costly part of indexing it, which a worker may do (markdown-work.ts).
 */
export function bodyTexts(markdown: string): { body: string; notes: string } {
  const { main, notes } = splitFootnotes(markdown);
  return {
    body: main.trim() ? markdownToText(main) : '',
    notes: notes.length > 0 ? markdownToText(notes.join('\n\n')) : '',
  };
}

/**
 * Footnote definitions ("[^1]: …" and their indented continuation lines) apart from the running
 * text, so that the notes rank below the body.
 */
export function splitFootnotes(markdown: string): { main: string; notes: string[] } {
  const main: string[] = [];
  const notes: string[] = [];
  let inNote = false;
  for (const line of markdown.split('\n')) {
    const start = /^\[\^[^\]]+\]:\s?(.*)$/.exec(line);
    if (start) {
      notes.push(start[1]!);
      inNote = true;
    } else if (inNote && (/^\s{2,}\S/.test(line) || line.trim() === '')) {
      if (line.trim()) notes[notes.length - 1] += ` ${line.trim()}`;
    } else {
      inNote = false;
      main.push(line);
    }
  }
  return { main: main.join('\n'), notes };
}
