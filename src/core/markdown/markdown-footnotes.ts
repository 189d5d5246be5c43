import type { StateCore, Token } from 'markdown-it';

/** Real inquiry reports carry a thousand notes or more; past this a body is refused. */
export const MAX_FOOTNOTES = 20_000;

interface FootnoteEntry {
  label?: string;
  content?: string;
  tokens?: Token[];
  count: number;
}

/**
 * markdown-it-footnote's `footnote_tail`, the step that moves the notes to the end of the
 * document, in linear time. The plugin's own version appends each note with
 * `state.tokens = state.tokens.concat(…)`, copying the whole token list once per note, so a body
 * with n notes cost n² token copies. This one builds the same tokens, in the same order, pushing
 * onto one list.
 */
export function linearFootnoteTail(state: StateCore): void {
  const footnotes = state.env.footnotes as { list?: FootnoteEntry[] } | undefined;
  if (!footnotes) return;

  // Block notes were parsed where they were written; lift their tokens out of the text.
  const refTokens = new Map<string, Token[]>();
  const kept: Token[] = [];
  let current: Token[] | null = null;
  let currentLabel = '';
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      current = [];
      currentLabel = (token.meta as { label: string }).label;
    } else if (token.type === 'footnote_reference_close') {
      if (current) refTokens.set(currentLabel, current);
      current = null;
    } else if (current) current.push(token);
    else kept.push(token);
  }
  state.tokens = kept;

  const list = footnotes.list;
  if (!list) return;
  const out = state.tokens;
  out.push(new state.Token('footnote_block_open', '', 1));
  // As in the plugin, a note with neither tokens nor a label repeats the previous note's.
  let tokens: Token[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const note = list[i]!;
    const open = new state.Token('footnote_open', '', 1);
    open.meta = { id: i, label: note.label };
    out.push(open);
    if (note.tokens) {
      const paragraphOpen = new state.Token('paragraph_open', 'p', 1);
      paragraphOpen.block = true;
      const inline = new state.Token('inline', '', 0);
      inline.children = note.tokens;
      inline.content = note.content ?? '';
      const paragraphClose = new state.Token('paragraph_close', 'p', -1);
      paragraphClose.block = true;
      tokens = [paragraphOpen, inline, paragraphClose];
    } else if (note.label) {
      tokens = refTokens.get(note.label);
    }
    if (tokens) for (const token of tokens) out.push(token);
    // The back links go inside the note's last paragraph.
    const lastParagraph = out[out.length - 1]!.type === 'paragraph_close' ? out.pop()! : null;
    const anchors = note.count > 0 ? note.count : 1;
    for (let j = 0; j < anchors; j++) {
      const anchor = new state.Token('footnote_anchor', '', 0);
      anchor.meta = { id: i, subId: j, label: note.label };
      out.push(anchor);
    }
    if (lastParagraph) out.push(lastParagraph);
    out.push(new state.Token('footnote_close', '', -1));
  }
  out.push(new state.Token('footnote_block_close', '', -1));
}

/**
 * How many notes a Markdown source defines: every "[^label]:" and every inline "^[…]", wherever
 * it stands. Counting text is cheap, so a body over the limit is refused before it is parsed; a
 * code block that shows the syntax counts too, which matters only for a body near the limit.
 */
export function countFootnotes(source: string): number {
  let count = 0;
  for (const _ of source.matchAll(/\[\^[^\]\s]+\]:|\^\[/g)) count++;
  return count;
}

/** Why a body has too many notes, or null. */
export function footnoteLimitProblem(source: string): string | null {
  const count = countFootnotes(source);
  if (count <= MAX_FOOTNOTES) return null;
  const n = (x: number) => x.toLocaleString('en');
  return `At most ${n(MAX_FOOTNOTES)} footnotes; this text has ${n(count)}`;
}
