/**
 * How far a long command has got, on stderr so that stdout stays the command's result. On a
 * terminal: one line redrawn in place (at most ten times a second) and cleared at the end. On
 * anything else (a log, a pipe, CI): a plain line at the start, at every tenth of the way and at
 * the end, so that a log of a long run stays readable.
 */
export interface ProgressUpdate {
  done: number;
  /** Null while the amount of work is not known yet. */
  total: number | null;
  /** What is counted, plural: "files", "pages", "records". */
  unit: string;
  /** What is being worked on now, e.g. a file's name. */
  item?: string;
}

export interface Progress {
  update(p: ProgressUpdate): void;
  /** Clears the terminal line, or prints the last plain line if it was held back. */
  finish(): void;
}

/** The parts of a stream the renderer uses: process.stderr, or a test's sink. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR_WIDTH = 20;
const REDRAW_MS = 100;

export function progress(
  stream: ProgressStream,
  label: string,
  now: () => number = Date.now,
): Progress {
  const terminal = stream.isTTY === true;
  let last: ProgressUpdate | null = null;
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  let printedDone = -1;
  let printedStep = -1;

  const draw = (p: ProgressUpdate) => {
    // One column short of the width, so that the terminal never wraps the line.
    const width = Math.max(20, (stream.columns || 80) - 1);
    stream.write(`\r${truncate(terminalLine(label, p), width)}\x1b[K`);
    drawn = true;
    drawnAt = now();
  };
  const print = (p: ProgressUpdate) => {
    stream.write(`${plainLine(label, p)}\n`);
    printedDone = p.done;
    printedStep = step(p);
  };

  return {
    update(p) {
      last = p;
      if (terminal) {
        const finished = p.total !== null && p.done >= p.total;
        if (finished || now() - drawnAt >= REDRAW_MS) draw(p);
        return;
      }
      const first = printedDone < 0;
      const finished = p.total !== null && p.done >= p.total;
      if (p.done === printedDone && !first) return;
      if (first || finished || step(p) > printedStep) print(p);
    },
    finish() {
      if (terminal) {
        if (drawn) stream.write('\r\x1b[K');
        drawn = false;
      } else if (last && last.done !== printedDone) print(last);
    },
  };
}

/** Which tenth of the way an update is in; unknown totals print every tenfold count. */
function step(p: ProgressUpdate): number {
  if (p.total === null) return p.done <= 0 ? 0 : Math.floor(Math.log10(p.done)) + 1;
  if (p.total <= 0) return 10;
  return Math.floor((p.done * 10) / p.total);
}

function count(p: ProgressUpdate): string {
  return `${p.done}${p.total === null ? '' : `/${p.total}`} ${p.unit}`;
}

function terminalLine(label: string, p: ProgressUpdate): string {
  const share = p.total ? Math.min(1, p.done / p.total) : p.total === 0 ? 1 : null;
  const bar =
    share === null ? '' : ` [${'#'.repeat(Math.round(share * BAR_WIDTH)).padEnd(BAR_WIDTH, '.')}]`;
  return `${label}${bar} ${count(p)}${p.item ? `  ${p.item}` : ''}`;
}

function plainLine(label: string, p: ProgressUpdate): string {
  return `${label}: ${count(p)}${p.item ? `  ${p.item}` : ''}`;
}

function truncate(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}
