import { hash } from 'node:crypto';

/** What every page the site renders begins with. */
export const DOCTYPE = '<!DOCTYPE html>';

/**
 * A page rendered once with marks where its changing parts go, kept as UTF-8 bytes between the
 * marks. Filling it in writes each value's bytes once into one buffer: the fixed bytes are
 * never rendered, joined or encoded again. (The frame holds Korean, so as one JavaScript string
 * it is two bytes a character, and encoding it again on every request cost more than the copy.)
 */
export interface FrameTemplate {
  /** The fixed bytes: one more piece than there are slots, a slot between each two. */
  pieces: Buffer[];
  /** The name of each slot, in order. */
  slots: string[];
  /** SHA-1 of the marked page: two templates with the same digest are the same template. */
  digest: string;
}

// A name between two control characters, which markup rendered from text never holds: the
// renderer escapes or drops them, and none of the frame's own strings contain one.
const MARK = '\u0001';

/** The mark to render in place of the slot `name`. */
export function slot(name: string): string {
  return `${MARK}${name}${MARK}`;
}

export function compileTemplate(marked: string): FrameTemplate {
  const split = marked.split(MARK);
  return {
    pieces: split.filter((_, i) => i % 2 === 0).map((piece) => Buffer.from(piece)),
    slots: split.filter((_, i) => i % 2 === 1),
    digest: hash('sha1', marked),
  };
}

/**
 * HTML for a slot, already escaped where it needs to be. A list is written piece by piece, so
 * large parts read from the database are never joined into one string first.
 */
export type SlotValue = string | readonly string[];

/** The page's bytes, each slot filled with its value. */
export function fillTemplate(
  template: FrameTemplate,
  values: Readonly<Record<string, SlotValue>>,
): Buffer<ArrayBuffer> {
  const { pieces, slots } = template;
  const filling = slots.map((name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`frame template: no value for ${name}`);
    return typeof value === 'string' ? [value] : value;
  });
  let length = 0;
  for (const piece of pieces) length += piece.byteLength;
  for (const parts of filling) for (const part of parts) length += Buffer.byteLength(part);
  const page = Buffer.allocUnsafe(length);
  let at = pieces[0]!.copy(page, 0);
  for (let i = 0; i < filling.length; i++) {
    for (const part of filling[i]!) at += page.write(part, at);
    at += pieces[i + 1]!.copy(page, at);
  }
  return page;
}
