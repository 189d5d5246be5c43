/**
 * A progress bar redrawn in place on a terminal; on anything else (a log, a pipe, CI) it draws
 * nothing and the caller prints one plain line per finished item instead.
 */
export interface Progress {
  readonly interactive: boolean;
  update(done: number, note?: string): void;
  /** Clears the bar so that the lines after it start on a clean line. */
  finish(): void;
}

export function progressBar(stream: NodeJS.WriteStream, total: number, label: string): Progress {
  const interactive = Boolean(stream.isTTY);
  let drawn = false;
  return {
    interactive,
    update(done, note = '') {
      if (!interactive) return;
      const width = 28;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const line = `${label} ${bar} ${done}/${total} ${note}`;
      const columns = stream.columns || 100;
      stream.write(
        `\r${line.slice(0, columns - 1).padEnd(Math.min(columns - 1, line.length + 2))}`,
      );
      drawn = true;
    },
    finish() {
      if (interactive && drawn) stream.write('\n');
      drawn = false;
    },
  };
}
