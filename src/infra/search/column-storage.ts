/** The compact storage the facet columns (facet-columns.ts) keep their values in. */

/**
 * Every publication's links in one growing array, so that 100,000 publications are not 100,000
 * small arrays on the heap. A publication whose links grow gets a new run at the end; the old
 * run is garbage until the pool is compacted (when garbage outweighs the live links).
 */
export class LinkPool {
  pool = new Int32Array(4096);
  private used = 0;
  private live = 0;

  /** Stores `links` where the old run was if they fit, else at the end; returns the start. */
  store(start: number, oldCount: number, links: readonly number[]): number {
    this.live += links.length - oldCount;
    if (links.length <= oldCount) {
      this.pool.set(links, start);
      return start;
    }
    if (this.used + links.length > this.pool.length) {
      const next = new Int32Array(Math.max(this.pool.length * 2, this.used + links.length));
      next.set(this.pool.subarray(0, this.used));
      this.pool = next;
    }
    this.pool.set(links, this.used);
    this.used += links.length;
    return this.used - links.length;
  }

  release(count: number): void {
    this.live -= count;
  }

  /** Whether a compaction would free much: more garbage than live links. */
  get wasteful(): boolean {
    return this.used > 2 * this.live + 4096;
  }

  /** Rewrites the live runs contiguously, moving each publication's start in `starts`. */
  compact(count: number, starts: Uint32Array, counts: Uint32Array): void {
    const next = new Int32Array(Math.max(4096, this.live * 2));
    let used = 0;
    for (let id = 0; id < count; id++) {
      const n = counts[id]!;
      if (n === 0) continue;
      next.set(this.pool.subarray(starts[id]!, starts[id]! + n), used);
      starts[id] = used;
      used += n;
    }
    this.pool = next;
    this.used = used;
  }
}

/** Small integer codes for the few distinct strings of a column (types, languages). */
export class Codes {
  private readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  get size(): number {
    return this.values.length;
  }

  codeOf(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** -1 for a value no publication has: it matches nothing. */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  countsOf(counts: Uint32Array): Map<string, number> {
    const out = new Map<string, number>();
    counts.forEach((n, code) => {
      if (n > 0) out.set(this.values[code]!, n);
    });
    return out;
  }
}
