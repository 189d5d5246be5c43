/**
 * How many searches run at once in a process; the others wait their turn, first come first
 * served.
 *
 * A search on a large archive is real work, most of it on the server's
 * one thread (SQLite answers in it; the facet counts and the PDF pages' analysis run in it on
 * either database). Ten searches let in together take turns phase by phase and all finish
 * late, the first as late as the last; in arrival order, each waits only for those before it.
 * Two at a time still lets one search's query run in PostgreSQL while another's counts run
 * here. Pages are never held: only searches wait here.
 */
export class SearchTurns {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly atOnce: number) {}

  async run<T>(search: () => Promise<T>): Promise<T> {
    if (this.running < this.atOnce) this.running++;
    // The finishing search hands its place straight to the next in line.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await search();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
