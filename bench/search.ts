/**
 * Search benchmark: `npm run bench:search [-- --quick] [-- --sizes 10000,100000]
 * [-- --backends sqlite,postgres]`.
 *
 * Builds (once, then caches in bench/.cache/) a synthetic archive per size and backend, indexes
 * it with the real indexer, then times a mixed query set through the real search service:
 * the result list alone, the full search with facet counts, and — in the same run, for the same
 * terms — the bare ranked MATCH (FTS5) or @@ (PostgreSQL) query as the floor. Prints p50, p95
 * and p99 and writes bench/results/search-<date>.json.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createContext } from '../src/context.ts';
import type { AppContext } from '../src/core/app-context.ts';
import type { Config } from '../src/core/config.ts';
import { parseQuery } from '../src/features/search/query-parser.ts';
import { planQuery } from '../src/features/search/query-plan.ts';
import { type SearchRequest, searchArchive } from '../src/features/search/search-archive.ts';
import { connect, type Db, quoteIdent } from '../src/infra/db/connect.ts';
import {
  adminQuery,
  buildArchive,
  buildSqliteArchive,
  CACHE_VERSION,
  PG_URL,
  schemaExists,
  searchArchiveSchema,
} from './archives.ts';
import { type ArchiveFacts, defaultSpec } from './generate-archive.ts';
import { type BenchQuery, buildQuerySet } from './search-queries.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CACHE = join(here, '.cache');
const RESULTS = join(here, 'results');

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    rounds: { type: 'string' },
  },
});
const sizes = values.sizes
  ? values.sizes.split(',').map(Number)
  : values.quick
    ? [2000]
    : [10_000, 100_000];
const backends = values.backends.split(',') as Array<'sqlite' | 'postgres'>;
const rounds = Number(values.rounds ?? (values.quick ? 2 : 5));

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  n: number;
}

const results: Array<Record<string, unknown>> = [];
mkdirSync(CACHE, { recursive: true });
mkdirSync(RESULTS, { recursive: true });

for (const backend of backends) {
  for (const size of sizes) {
    const { ctx, facts, buildSeconds, cleanup } = await openArchive(backend, size);
    try {
      const queries = buildQuerySet(facts, values.quick ? 0.5 : 1);
      const row = await measure(ctx, facts, queries);
      results.push({ backend, size, buildSeconds, ...row });
      printRow(backend, size, row);
    } finally {
      await cleanup();
    }
  }
}

const date = new Date().toISOString().slice(0, 10);
const file = join(RESULTS, `search-${date}${values.quick ? '-quick' : ''}.json`);
// Runs of the same day add up: one backend or size at a time still gives one file.
if (existsSync(file)) {
  const earlier = JSON.parse(readFileSync(file, 'utf8')).results as Array<Record<string, unknown>>;
  for (const r of earlier) {
    if (!results.some((x) => x.backend === r.backend && x.size === r.size)) results.push(r);
  }
}
writeFileSync(
  file,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      rounds,
      results,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`\nWrote ${file}\n`);

async function measure(ctx: AppContext, facts: ArchiveFacts, queries: BenchQuery[]) {
  const now = facts.spec.now;
  const gazetteer = await ctx.search.gazetteers.get();
  const list: number[] = [];
  const full: number[] = [];
  const floor: number[] = [];
  const byKind: Record<string, { list: number[]; full: number[]; floor: number[] }> = {};
  const ratios: number[] = [];
  // Per query, to name the slowest: the percentiles alone do not say which queries make the tail.
  const perQuery = queries.map(() => ({ list: [] as number[], full: [] as number[] }));
  let totalHits = 0;
  const run = async (req: SearchRequest) => {
    const t = performance.now();
    const r = await searchArchive(ctx, req);
    return { ms: performance.now() - t, total: r.total };
  };
  // One warm-up pass: SQLite's page cache and PostgreSQL's buffers start cold otherwise.
  for (const q of queries) await run({ q: q.q, filters: q.filters, now, facets: true });
  for (let round = 0; round < rounds; round++) {
    for (const [i, q] of queries.entries()) {
      const kind = byKind[q.kind] ?? { list: [], full: [], floor: [] };
      byKind[q.kind] = kind;
      const a = await run({ q: q.q, filters: q.filters, now, facets: false });
      const b = await run({ q: q.q, filters: q.filters, now, facets: true });
      const match = planQuery(parseQuery(q.q).root, gazetteer).match;
      let f = 0;
      if (match) {
        const t = performance.now();
        await ctx.search.index.rawTop(match, 10);
        f = performance.now() - t;
      }
      list.push(a.ms);
      full.push(b.ms);
      perQuery[i]!.list.push(a.ms);
      perQuery[i]!.full.push(b.ms);
      kind.list.push(a.ms);
      kind.full.push(b.ms);
      if (match) {
        floor.push(f);
        kind.floor.push(f);
        ratios.push(a.ms / Math.max(f, 0.05));
      }
      if (round === 0) totalHits += a.total;
    }
  }
  const slowest = queries
    .map((q, i) => ({
      kind: q.kind,
      q: q.q,
      filters: q.filters,
      listP50: stats(perQuery[i]!.list).p50,
      fullP50: stats(perQuery[i]!.full).p50,
    }))
    .sort((a, b) => b.fullP50 - a.fullP50 || b.listP50 - a.listP50)
    .slice(0, 8);
  return {
    queries: queries.length,
    meanHits: Math.round(totalHits / queries.length),
    list: stats(list),
    full: stats(full),
    floor: stats(floor),
    listOverFloorP95: round2(stats(list).p95 / Math.max(stats(floor).p95, 0.01)),
    medianPerQueryRatio: round2(stats(ratios).p50),
    byKind: Object.fromEntries(
      Object.entries(byKind).map(([k, v]) => [
        k,
        { list: stats(v.list), full: stats(v.full), floor: stats(v.floor) },
      ]),
    ),
    slowest,
  };
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return {
    p50: round2(at(0.5)),
    p95: round2(at(0.95)),
    p99: round2(at(0.99)),
    mean: round2(mean),
    n: s.length,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function printRow(backend: string, size: number, r: Awaited<ReturnType<typeof measure>>) {
  const fmt = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.p99.toFixed(1)}`;
  process.stdout.write(
    `\n${backend} ${size.toLocaleString('en')} publications, ${r.queries} queries × ${rounds} rounds (ms p50 / p95 / p99)\n` +
      `  result list   ${fmt(r.list)}\n  with facets   ${fmt(r.full)}\n  raw floor     ${fmt(r.floor)}\n` +
      `  list p95 / floor p95 = ${r.listOverFloorP95}; median per-query list/floor = ${r.medianPerQueryRatio}\n`,
  );
  for (const [kind, v] of Object.entries(r.byKind)) {
    process.stdout.write(
      `    ${kind.padEnd(8)} list ${fmt(v.list)}  full ${fmt(v.full)}  floor ${fmt(v.floor)}\n`,
    );
  }
  process.stdout.write('  slowest queries (median ms, list / full):\n');
  for (const s of r.slowest) {
    const filters = s.filters ? ` ${JSON.stringify(s.filters)}` : '';
    process.stdout.write(
      `    ${s.listP50.toFixed(1).padStart(7)} / ${s.fullP50.toFixed(1).padStart(7)}  ${s.kind.padEnd(7)} ${s.q}${filters}\n`,
    );
  }
}

async function openArchive(backend: 'sqlite' | 'postgres', size: number) {
  const clock = { now: () => defaultSpec(size).now };
  const marker = join(CACHE, `${backend}-${size}-v${CACHE_VERSION}.json`);
  let buildSeconds: number | null = null;
  let db: Db;
  let dbConfig: Config['database'];
  if (backend === 'sqlite') {
    const path = join(CACHE, `sqlite-${size}-v${CACHE_VERSION}.db`);
    if (!existsSync(path) || !existsSync(marker)) {
      const tmp = `${path}.building`;
      rmSync(tmp, { force: true });
      buildSeconds = await buildSqliteArchive(tmp, size, marker);
      renameSync(tmp, path);
    }
    dbConfig = { kind: 'sqlite', path };
    db = connect(dbConfig);
  } else {
    const schema = searchArchiveSchema(size);
    dbConfig = { kind: 'postgres', url: PG_URL };
    if (!existsSync(marker) || !(await schemaExists(schema))) {
      await adminQuery(`drop schema if exists ${quoteIdent(schema)} cascade`);
      await adminQuery(`create schema ${quoteIdent(schema)}`);
      const building = connect(dbConfig, { schema, poolSize: 2 });
      buildSeconds = await buildArchive(building, dbConfig, size, marker);
      await adminQuery(`vacuum analyze`); // as autovacuum leaves a bulk load (see archives.ts)
      await building.close();
    }
    db = connect(dbConfig, { schema, poolSize: 2 });
  }
  const facts = JSON.parse(readFileSync(marker, 'utf8')).facts as ArchiveFacts;
  facts.spec.now = new Date(facts.spec.now);
  if (buildSeconds === null) buildSeconds = JSON.parse(readFileSync(marker, 'utf8')).buildSeconds;
  const ctx = await createContext(config(dbConfig), { db, clock });
  return { ctx, facts, buildSeconds, cleanup: () => db.close() };
}

function config(database: Config['database']): Config {
  return {
    port: 0,
    dataDir: CACHE,
    filesDir: join(CACHE, 'files'),
    database,
    publicUrl: 'http://localhost',
  };
}
