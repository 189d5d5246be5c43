import { nextTurn } from '../../core/next-turn.ts';
import { type PublicationStatus, visibleFrom } from '../../core/publication-status.ts';
import { Codes, LinkPool } from './column-storage.ts';
import type { Constraint, FacetCounts } from './page-key.ts';

/** One publication as the facet counts see it. */
export interface ColumnRow {
  id: number;
  type: string;
  sectionId: number;
  language: string;
  status: PublicationStatus;
  publishedAt: string | null;
  embargoUntil: string | null;
  deletedAt: string | null;
  /** Whether it has an entry in the search index. */
  indexed: boolean;
  /**
   * The people, topics and places it is filed under, as the database joins them:
   * "person:12,topic:3,place:7" (no object per link: a full load reads half a million).
   */
  links: string | null;
}

/** Where a reader stands in the change log (see migration 0070). */
export interface ChangeCursor {
  seq: number;
  /** PostgreSQL: the oldest transaction still running when the log was last read. */
  xmin: string | null;
  /** PostgreSQL: rows already applied that such a transaction wrote; not applied twice. */
  open: ReadonlySet<number>;
}

/** The SQL side: each database reads its rows and its change log in its own way. */
export interface ColumnSource {
  /** Where the log stands, read before a full load: nothing committed after it is missed. */
  mark(): Promise<ChangeCursor>;
  changedSince(cursor: ChangeCursor): Promise<{ ids: number[]; next: ChangeCursor }>;
  /** The highest publication id, to load everything in batches. */
  maxId(): Promise<number>;
  /** The rows of these publications (missing ones no longer exist). */
  rows(ids: { from: number; to: number } | readonly number[]): Promise<ColumnRow[]>;
}

const LINK_FACETS = ['person', 'topic', 'place'] as const;
type LinkFacet = (typeof LINK_FACETS)[number];
/** A link packed into one small integer: value id × 4 + facet. */
const pack = (facet: number, valueId: number) => valueId * 4 + facet;
const LOAD_BATCH = 1_000;
/** Marks a publication whose visibility instant is compared as text (see `oddFrom`). */
const ODD = Number.NEGATIVE_INFINITY;

/**
 * Facet counts computed in memory, like Lucene's doc values: per publication, when it becomes
 * visible, its type, section, language and year, and the people, topics and places it is filed
 * under, in flat arrays indexed by publication id (about 60 bytes a publication).
 *
 * Counting the facets of a common word in SQL meant joining every hit to its publication and its
 * facet rows, reading rows for each. Here it is a pass over the hit ids, in memory.
 * The match itself still runs in the full-text index; only the counting moved.
 *
 * Before every count, the change log is read (one small indexed query) and the publications that
 * changed since are reloaded, so counts are as fresh as the SQL they replace, across processes.
 * Visibility is the domain's own rule (`visibleFrom`), judged at the search's `now`.
 */
export class FacetColumns {
  /** When each becomes visible, in ms; NaN: never (or not a listed, indexed piece). */
  private visible = new Float64Array(0);
  /** Instants not in toISOString's form, compared as text like the SQL rule (none, normally). */
  private readonly oddFrom = new Map<number, string>();
  private type = new Uint8Array(0);
  private language = new Uint16Array(0);
  private section = new Int32Array(0);
  private year = new Int16Array(0);
  /** Each publication's packed links: `linkCount[id]` of them from `links.pool[linkStart[id]]`. */
  private linkStart = new Uint32Array(0);
  private linkCount = new Uint32Array(0);
  private readonly links = new LinkPool();
  private readonly typeCodes = new Codes();
  private readonly languageCodes = new Codes();
  private maxValue = [0, 0, 0];
  /** The largest section id and year stored, to count them in arrays. */
  private maxSection = 0;
  private maxYear = 0;
  private capacity = 0;
  private cursor: ChangeCursor | null = null;
  /** Each caller's refresh starts after the one before it ends, and after the caller arrived. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly source: ColumnSource) {}

  /** Counts the visible publications among `ids` (null: all indexed) that meet the constraints. */
  async count(
    ids: Iterable<number> | null,
    constraints: readonly Constraint[],
    now: Date,
  ): Promise<FacetCounts> {
    await this.current();
    const at = now.toISOString();
    const nowMs = now.getTime();
    const passes = this.compile(constraints);
    const types = new Uint32Array(this.typeCodes.size);
    const languages = new Uint32Array(this.languageCodes.size);
    // Counted by index, not in Maps: a common word's count visits tens of thousands of ids.
    const sections = new Uint32Array(this.maxSection + 1);
    const years = new Uint32Array(this.maxYear + 1);
    const linked = this.maxValue.map((m) => new Uint32Array(m + 1));
    let total = 0;
    const visit = (id: number) => {
      const from = this.visible[id]!;
      if (!(from <= nowMs)) {
        if (from !== ODD) return;
        if (!(this.oddFrom.get(id)! <= at)) return;
      }
      if (!passes(id)) return;
      total++;
      types[this.type[id]!]!++;
      languages[this.language[id]!]!++;
      sections[this.section[id]!]!++;
      years[this.year[id]!]!++;
      const pool = this.links.pool;
      const end = this.linkStart[id]! + this.linkCount[id]!;
      for (let i = this.linkStart[id]!; i < end; i++) linked[pool[i]! & 3]![pool[i]! >>> 2]!++;
    };
    if (ids === null) for (let id = 0; id < this.capacity; id++) visit(id);
    else for (const id of ids) if (id >= 0 && id < this.capacity) visit(id);
    return {
      total,
      type: this.typeCodes.countsOf(types),
      language: this.languageCodes.countsOf(languages),
      section: nonZero(sections),
      year: nonZero(years),
      person: nonZero(linked[0]!),
      topic: nonZero(linked[1]!),
      place: nonZero(linked[2]!),
    };
  }

  /** Loads the columns now rather than at the first count. */
  load(): Promise<void> {
    return this.current();
  }

  /** Loads everything at first use, then applies what changed since the last look. */
  private current(): Promise<void> {
    const next = this.queue.then(() => (this.cursor ? this.applyChanges() : this.loadAll()));
    // A failed read leaves the queue usable for the next caller, who tries again.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async loadAll(): Promise<void> {
    const cursor = await this.source.mark();
    const maxId = await this.source.maxId();
    this.grow(maxId + 1);
    for (let from = 0; from <= maxId; from += LOAD_BATCH) {
      for (const row of await this.source.rows({ from, to: from + LOAD_BATCH - 1 })) this.set(row);
      // Without a turn here, loading a large archive on SQLite held every request until it ended.
      await nextTurn();
    }
    this.cursor = cursor;
  }

  private async applyChanges(): Promise<void> {
    const { ids, next } = await this.source.changedSince(this.cursor!);
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      const rows = await this.source.rows(batch);
      const found = new Set<number>();
      for (const row of rows) {
        this.set(row);
        found.add(row.id);
      }
      for (const id of batch) if (!found.has(id)) this.clear(id);
    }
    if (this.links.wasteful) this.links.compact(this.capacity, this.linkStart, this.linkCount);
    this.cursor = next;
  }

  private set(row: ColumnRow): void {
    this.grow(row.id + 1);
    const from = row.indexed && row.type !== 'page' ? visibleFrom(row) : null;
    if (from === null) {
      this.clear(row.id);
      return;
    }
    const ms = Date.parse(from);
    if (Number.isFinite(ms) && new Date(ms).toISOString() === from) {
      this.visible[row.id] = ms;
      this.oddFrom.delete(row.id);
    } else {
      this.visible[row.id] = ODD;
      this.oddFrom.set(row.id, from);
    }
    this.type[row.id] = this.typeCodes.codeOf(row.type);
    this.language[row.id] = this.languageCodes.codeOf(row.language);
    this.section[row.id] = row.sectionId;
    // A visible piece has a date; its year is the date's, as in SQL's substr(published_at, 1, 4).
    this.year[row.id] = Number(row.publishedAt!.slice(0, 4));
    this.maxSection = Math.max(this.maxSection, this.section[row.id]!);
    this.maxYear = Math.max(this.maxYear, this.year[row.id]!);
    const links = parseLinks(row.links);
    for (const l of links) {
      if (l >>> 2 > this.maxValue[l & 3]!) this.maxValue[l & 3] = l >>> 2;
    }
    this.linkStart[row.id] = this.links.store(
      this.linkStart[row.id]!,
      this.linkCount[row.id]!,
      links,
    );
    this.linkCount[row.id] = links.length;
  }

  private clear(id: number): void {
    if (id >= this.capacity) return;
    this.visible[id] = Number.NaN;
    this.oddFrom.delete(id);
    this.links.release(this.linkCount[id]!);
    this.linkCount[id] = 0;
  }

  private grow(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(size, Math.ceil(this.capacity * 1.5), 1024);
    const widen = <
      T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Int16Array | Float64Array,
    >(
      old: T,
      make: (n: number) => T,
    ) => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.type = widen(this.type, (n) => new Uint8Array(n));
    this.language = widen(this.language, (n) => new Uint16Array(n));
    this.section = widen(this.section, (n) => new Int32Array(n));
    this.year = widen(this.year, (n) => new Int16Array(n));
    this.visible = widen(this.visible, (n) => new Float64Array(n).fill(Number.NaN));
    this.linkStart = widen(this.linkStart, (n) => new Uint32Array(n));
    this.linkCount = widen(this.linkCount, (n) => new Uint32Array(n));
    this.capacity = capacity;
  }

  /** The constraints as one test per publication id, mirroring sql-constraints.ts. */
  private compile(constraints: readonly Constraint[]): (id: number) => boolean {
    const tests = constraints.map((c) => {
      const positive = this.test(c);
      return c.negated ? (id: number) => !positive(id) : positive;
    });
    return (id) => tests.every((t) => t(id));
  }

  private test(c: Constraint): (id: number) => boolean {
    switch (c.field) {
      case 'type': {
        const codes = new Set(c.values.map((v) => this.typeCodes.find(v)));
        return (id) => codes.has(this.type[id]!);
      }
      case 'language': {
        const codes = new Set(c.values.map((v) => this.languageCodes.find(v)));
        return (id) => codes.has(this.language[id]!);
      }
      case 'section': {
        const ids = new Set(c.ids);
        return (id) => ids.has(this.section[id]!);
      }
      case 'person':
      case 'topic':
      case 'place': {
        const facet = LINK_FACETS.indexOf(c.field);
        const wanted = new Set(c.ids.map((v) => pack(facet, v)));
        return (id) => {
          const end = this.linkStart[id]! + this.linkCount[id]!;
          for (let i = this.linkStart[id]!; i < end; i++)
            if (wanted.has(this.links.pool[i]!)) return true;
          return false;
        };
      }
      case 'year': {
        const from = c.from ?? -Infinity;
        const to = c.to ?? Infinity;
        return (id) => this.year[id]! >= from && this.year[id]! <= to;
      }
    }
  }
}

/** "person:12,topic:3" → packed links; unknown facets are skipped. */
function parseLinks(joined: string | null): number[] {
  const out: number[] = [];
  if (!joined) return out;
  let at = 0;
  while (at < joined.length) {
    const colon = joined.indexOf(':', at);
    if (colon < 0) break;
    let end = joined.indexOf(',', colon);
    if (end < 0) end = joined.length;
    const facet = LINK_FACETS.indexOf(joined.slice(at, colon) as LinkFacet);
    const valueId = Number(joined.slice(colon + 1, end));
    if (facet >= 0 && Number.isInteger(valueId) && valueId >= 0) out.push(pack(facet, valueId));
    at = end + 1;
  }
  return out;
}

/** Ids a query joined into one string (group_concat, string_agg): no row object per hit. */
export function idList(joined: string | null): number[] {
  // Read digit by digit: splitting made a string per id, a common word's tens of thousands.
  const ids: number[] = [];
  if (!joined) return ids;
  let id = 0;
  let digits = false;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      id = id * 10 + c;
      digits = true;
    } else {
      if (digits) ids.push(id);
      id = 0;
      digits = false;
    }
  }
  if (digits) ids.push(id);
  return ids;
}

function nonZero(counts: Uint32Array): Map<number, number> {
  const out = new Map<number, number>();
  counts.forEach((n, value) => {
    if (n > 0) out.set(value, n);
  });
  return out;
}
