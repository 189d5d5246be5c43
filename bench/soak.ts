/**
 * The soak: `npm run soak [-- --minutes 10] [-- --backend sqlite|postgres] [-- --size 10000]`.
 * Not part of CI.
 *
 * Starts a real `dossier serve` (render cache on) on a generated archive, measures the peak of
 * mixed traffic (home, listings, publication, person and search pages at random), then runs
 * `--minutes` one-minute rounds at 80% of that peak while this process publishes edits into the
 * same database every few seconds (through the services, as an editor would). PostgreSQL is the
 * default: the server hears of each edit precisely through LISTEN/NOTIFY. On SQLite an outside
 * process's write is only seen through data_version, which drops every page, so a SQLite soak
 * with edits every 3 s measures a mostly cold site. Reports
 * errors (must be 0), p99 latency per minute and RSS per minute (must stay flat), and writes
 * bench/results/soak-<date>.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from '../src/context.ts';
import { cliActor } from '../src/core/actor.ts';
import { loadConfig } from '../src/core/config.ts';
import { updatePublication } from '../src/features/publishing/save-publication.ts';
import { type Backend, ensureArchive, RESULTS } from './archives.ts';
import { rssOf, startDossier, withPeakRss } from './http-harness.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    backend: { type: 'string', default: 'postgres' },
    size: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '10' },
    'publish-every': { type: 'string', default: '3' },
  },
});
const minutes = Number(values.minutes);
const backend = values.backend as Backend;
const size = Number(values.size);
const connections = Number(values.connections);

interface Round {
  requestsPerSecond: number;
  requests: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  errors: number;
  non2xx: number;
}

function mixedLoad(
  url: string,
  paths: string[],
  seconds: number,
  rate: number | undefined,
  dir: string,
): Promise<Round> {
  const file = join(dir, `load-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ url, paths, seconds, connections, rate }));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'mixed-load.ts'), file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`mixed load exited ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    });
  });
}

async function collectPaths(base: string, facts: { vocabulary: string[] }): Promise<string[]> {
  const paths = new Set<string>(['/']);
  const home = await (await fetch(`${base}/`)).text();
  const sections = new Set([...home.matchAll(/href="(\/gen-section-\d+\/)"/g)].map((m) => m[1]!));
  for (const s of sections) {
    for (let page = 1; page <= 5; page++) {
      const path = page === 1 ? s : `${s}?page=${page}`;
      paths.add(path);
      const html = await (await fetch(`${base}${path}`)).text();
      for (const m of html.matchAll(/href="(\/gen-section-\d+\/[^"/]+\/)"/g)) paths.add(m[1]!);
      for (const m of html.matchAll(/href="(\/people\/[^"/]+\/)"/g)) paths.add(m[1]!);
    }
  }
  for (const word of facts.vocabulary.slice(100, 110))
    paths.add(`/search?q=${encodeURIComponent(word)}`);
  return [...paths];
}

async function main(): Promise<void> {
  const archive = await ensureArchive(backend, size, { writes: true });
  const dir = mkdtempSync(join(tmpdir(), 'dossier-soak-'));
  const server = await startDossier({
    databaseUrl: archive.databaseUrl,
    dataDir: dir,
    cache: true,
  });
  try {
    const paths = await collectPaths(server.url, archive.facts);
    process.stderr.write(`${paths.length} paths; measuring the peak…\n`);
    // Every page once, so the peak is that of a warm site (searches are never cached).
    for (const path of paths) await (await fetch(`${server.url}${path}`)).arrayBuffer();
    const peak = await mixedLoad(server.url, paths, 10, undefined, dir);
    const rate = Math.max(1, Math.round(peak.requestsPerSecond * 0.8));
    process.stderr.write(
      `peak ${Math.round(peak.requestsPerSecond)} req/s; soaking at ${rate} req/s\n`,
    );

    // Edits land while the traffic runs, through the services, into the same database.
    const ctx = await createContext(
      loadConfig({ ...process.env, DATABASE_URL: archive.databaseUrl, DATA_DIR: dir }),
    );
    const visible = await ctx.repos.catalog.list({}, { limit: 200, offset: 0 }, new Date());
    let published = 0;
    let publishErrors = 0;
    let stopPublishing = false;
    const publisher = (async () => {
      let i = 0;
      while (!stopPublishing) {
        const target = visible.items[i++ % visible.items.length]!;
        try {
          const current = (await ctx.repos.publications.findById(target.id))!;
          await updatePublication(
            ctx,
            current.id,
            current.version,
            { ...current, subtitle: `Revised during the soak (${i})` },
            cliActor(),
          );
          published++;
        } catch (error) {
          publishErrors++;
          process.stderr.write(`publish failed: ${String(error)}\n`);
        }
        await new Promise((r) => setTimeout(r, Number(values['publish-every']) * 1000));
      }
    })();

    const rounds: Array<Round & { minute: number; rssBytes: number; peakRssBytes: number }> = [];
    for (let minute = 1; minute <= minutes; minute++) {
      const { result, peakRss } = await withPeakRss(server.pid, () =>
        mixedLoad(server.url, paths, 60, rate, dir),
      );
      const row = { minute, ...result, rssBytes: rssOf(server.pid), peakRssBytes: peakRss };
      rounds.push(row);
      process.stdout.write(
        `minute ${String(minute).padStart(2)}: ${Math.round(row.requestsPerSecond)} req/s, p99 ${row.latencyP99} ms, max ${row.latencyMax} ms, errors ${row.errors + row.non2xx}, RSS ${Math.round(row.rssBytes / 1048576)} MB (peak ${Math.round(row.peakRssBytes / 1048576)} MB)\n`,
      );
    }
    stopPublishing = true;
    await publisher;
    await ctx.close();

    const errors = rounds.reduce((n, r) => n + r.errors + r.non2xx, 0);
    const firstRss = rounds[0]?.rssBytes ?? 0;
    const lastRss = rounds.at(-1)?.rssBytes ?? 0;
    const summary = {
      date: new Date().toISOString(),
      backend,
      size,
      minutes,
      connections,
      peakRequestsPerSecond: peak.requestsPerSecond,
      rate,
      published,
      publishErrors,
      errors,
      rssGrowthBytes: lastRss - firstRss,
      rounds,
    };
    process.stdout.write(
      `\nerrors ${errors} (${errors === 0 ? 'met' : 'MISSED'}), ${published} edits published, RSS first ${Math.round(firstRss / 1048576)} MB → last ${Math.round(lastRss / 1048576)} MB\n`,
    );
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `soak-${summary.date.slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`Wrote ${file}\n`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
