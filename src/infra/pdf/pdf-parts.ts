/**
 * How a long PDF is shared among the sandbox's children: the first part tells the page count
 * (and carries the metadata and thumbnail), then the rest is split so that one book does not
 * leave the other cores idle.
 */

/** Pages read before a document's length is known; most reports end within them. */
export const FIRST_PART_PAGES = 24;
/** Fewer pages than this are not worth a child re-opening the document for. */
const MIN_PART_PAGES = 16;

/** Splits pages `from`..`to` into at most `parts` runs of at least MIN_PART_PAGES. */
export function partRanges(from: number, to: number, parts: number) {
  const total = to - from + 1;
  const count = Math.max(1, Math.min(parts, Math.floor(total / MIN_PART_PAGES)));
  const size = Math.ceil(total / count);
  const ranges: Array<{ from: number; to: number }> = [];
  for (let start = from; start <= to; start += size) {
    ranges.push({ from: start, to: Math.min(to, start + size - 1) });
  }
  return ranges;
}
