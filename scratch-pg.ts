import { readFileSync } from 'node:fs';
import { createContext } from './src/context.ts';
import { connect } from './src/db/connect.ts';
import { parseQuery } from './src/search/query-parser.ts';
import { planQuery } from './src/search/query-plan.ts';
import { searchArchive } from './src/services/search-archive.ts';
const size = process.argv[2]!;
const facts = JSON.parse(readFileSync(`bench/.cache/postgres-${size}-v6.json`, 'utf8')).facts;
const now = new Date(facts.spec.now);
const config = { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' } as const;
const db = connect(config, { schema: `dossier_bench_${size}_v6`, poolSize: 2 });
const ctx = await createContext({ port: 0, dataDir: '/tmp/exp', filesDir: '/tmp/exp/files', database: config, publicUrl: 'http://localhost' } as never, { db, clock: { now: () => now } });
const gaz = await ctx.search.gazetteers.get();
const idx = ctx.search.index as never as Record<string, (...a: unknown[]) => Promise<unknown>>;
await ctx.search.facetColumns.load();
const time = async (label: string, f: () => Promise<unknown>) => { const t = performance.now(); let r; for (let i = 0; i < 3; i++) r = await f(); console.log(label.padEnd(14), ((performance.now() - t) / 3).toFixed(1)); return r; };
for (const q of process.argv.slice(3)) {
  console.log('==', q);
  const plan = planQuery(parseQuery(q).root, gaz);
  const query = { match: plan.match, constraints: [], now };
  const r = (await time('list', () => searchArchive(ctx, { q, now, facets: false }))) as { total: number };
  console.log('total', r.total);
  await time('full', () => searchArchive(ctx, { q, now, facets: true }));
  await time('facets', () => idx.facets!(query));
  await time('rankHead', () => idx.rank!(query, 'head', 10));
  await time('rankWhole', () => idx.rank!(query, 'whole', 10));
  await time('count1001', () => idx.count!(query, 1001));
}
await db.close();
