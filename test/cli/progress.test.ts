import { describe, expect, it } from 'vitest';
import { progress } from '../../src/cli/progress.ts';

/** The output sink a command writes its progress to, as a terminal or as a log would get it. */
function sink(isTTY: boolean, columns = 80) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns, write: (text: string) => chunks.push(text) };
}

/** A clock the test moves by hand, so that throttling is exact. */
function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progress on a terminal', () => {
  it('redraws one line with a bar, the count, the unit and the item, then clears it', () => {
    const out = sink(true);
    const time = clock();
    const bar = progress(out, 'ingesting', time.now);
    bar.update({ done: 12, total: 42, unit: 'files', item: 'report.pdf' });
    expect(out.chunks).toEqual([
      '\r' + 'ingesting [######..............] 12/42 files  report.pdf' + '\x1b[K',
    ]);
    time.advance(200);
    bar.update({ done: 42, total: 42, unit: 'files' });
    expect(out.chunks.at(-1)).toBe('\ringesting [####################] 42/42 files\x1b[K');
    bar.finish();
    expect(out.chunks.at(-1)).toBe('\r\x1b[K');
    expect(out.chunks.join('')).not.toContain('\n');
  });

  it('redraws at most ten times a second, but always draws the last step', () => {
    const out = sink(true);
    const time = clock();
    const bar = progress(out, 'reindexing', time.now);
    for (let done = 1; done <= 1000; done++) {
      bar.update({ done, total: 1000, unit: 'entries' });
      time.advance(1); // a thousand updates in one second
    }
    expect(out.chunks.length).toBeLessThanOrEqual(11);
    expect(out.chunks.at(-1)).toContain('1000/1000 entries');
  });

  it('keeps the line within the terminal width, cutting a long item', () => {
    const out = sink(true, 40);
    const bar = progress(out, 'building', clock().now);
    bar.update({ done: 3, total: 9, unit: 'files', item: `/en/${'very-long-slug-'.repeat(8)}` });
    const line = out.chunks[0]!.replace('\r', '').replace('\x1b[K', '');
    expect(line.length).toBe(39);
    expect(line.endsWith('…')).toBe(true);
  });

  it('shows a count without a bar while the total is unknown', () => {
    const out = sink(true);
    const bar = progress(out, 'importing', clock().now);
    bar.update({ done: 7, total: null, unit: 'items' });
    expect(out.chunks[0]).toBe('\rimporting 7 items\x1b[K');
  });
});

describe('progress in a log (not a terminal)', () => {
  it('prints a plain line per item when there are few, and no control characters', () => {
    const out = sink(false);
    const bar = progress(out, 'ingesting', clock().now);
    bar.update({ done: 0, total: 2, unit: 'files' });
    bar.update({ done: 0, total: 2, unit: 'files', item: 'a.pdf (extracting, 3 s)' });
    bar.update({ done: 1, total: 2, unit: 'files', item: 'a.pdf' });
    bar.update({ done: 2, total: 2, unit: 'files', item: 'b.pdf' });
    bar.finish();
    expect(out.chunks.join('')).toBe(
      'ingesting: 0/2 files\ningesting: 1/2 files  a.pdf\ningesting: 2/2 files  b.pdf\n',
    );
  });

  it('prints about every tenth of the way for many items, always the first and the last', () => {
    const out = sink(false);
    const bar = progress(out, 'exporting', clock().now);
    for (let done = 0; done <= 1234; done++) bar.update({ done, total: 1234, unit: 'files' });
    bar.finish();
    const lines = out.chunks.join('').trim().split('\n');
    expect(lines[0]).toBe('exporting: 0/1234 files');
    expect(lines.at(-1)).toBe('exporting: 1234/1234 files');
    expect(lines.length).toBe(11);
  });

  it('prints the last count at the end when the total was unknown', () => {
    const out = sink(false);
    const bar = progress(out, 'importing', clock().now);
    for (let done = 1; done <= 25; done++) bar.update({ done, total: null, unit: 'rows' });
    bar.finish();
    expect(out.chunks.join('')).toBe('importing: 1 rows\nimporting: 10 rows\nimporting: 25 rows\n');
  });
});
