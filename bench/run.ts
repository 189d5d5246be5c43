/**
 * The page benchmark: `npm run bench [-- --quick] [-- --sizes 10000,100000]
 * [-- --backends sqlite,postgres] [-- --seconds N]`.
 *
 * For each generated archive (bench/generate-archive.ts, cached in bench/.cache/) it starts a
 * real `dossier serve` process and drives it with autocannon from another process:
 * - the home page, a listing, a publication page and a person page, warm (render cache on) and
 *   cold (`--no-cache`: every request renders, after a short uncounted run per page to let V8
 *   compile the hot paths), and a search;
 * - the limit: a bare node:http server (bench/bare-server.ts) answering each URL with the same
 *   bytes, measured in the same run; each page's throughput is reported as a ratio of it;
 * - server RSS at idle and under load, and the cold start time to the first served page.
 * Import throughput (WXR items per second) is read from the newest bench/results/import-*.json
 * when the import benchmark has written one, and the tiling figures from the newest
 * bench/results/tiles-*.json (bench/tiles.ts).
 *
 * `--quick` (for CI, short even when the archive must be built first): a 2,000-
 * publication archive on SQLite, 3 s per run.
 * Prints a table and writes bench/results/<date>.json. `--prepare` only builds the archives.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Archive, type Backend, ensureArchive, RESULTS } from './archives.ts';
import {
  autocannon,
  freePort,
  type LoadResult,
  type RunningServer,
  rssOf,
  startDossier,
  withPeakRss,
} from './http-harness.ts';
import { readTilesResult, tilesLine } from './tiles-result.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    backends: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '10' },
    /** Only build the archives (they are cached), measure nothing. */
    prepare: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const sizes = (values.sizes ?? (quick ? '2000' : '10000,100000')).split(',').map(Number);
const backends = (values.backends ?? (quick ? 'sqlite' : 'sqlite,postgres')).split(
  ',',
) as Backend[];
const seconds = Number(values.seconds ?? (quick ? 3 : 10));
const warmUpSeconds = quick ? 1 : 3;
const connections = Number(values.connections);

const TARGETS = {
  warmRatio: 0.7,
  coldRatio: 0.15,
  rssUnderLoadBytes: 250 * 1024 * 1024,
  maxMs: 1000,
};

type PageName = 'home' | 'listing' | 'publication' | 'person';
interface PageRow {
  page: PageName | 'search';
  url: string;
  bytes: number;
  bare: LoadResult | null;
  warm: LoadResult | null;
  cold: LoadResult | null;
  warmRatio: number | null;
  coldRatio: number | null;
}

interface ArchiveResult {
  backend: Backend;
  size: number;
  buildSeconds: number | null;
  coldStartMs: number;
  rssIdleBytes: number;
  rssUnderLoadBytes: number;
  rssIdleColdBytes: number;
  rssUnderLoadColdBytes: number;
  pages: PageRow[];
  maxLatencyMs: number;
  errors: number;
}

async function main(): Promise<void> {
  const started = performance.now();
  const results: ArchiveResult[] = [];
  for (const backend of backends) {
    for (const size of sizes) {
      process.stderr.write(`\n${backend}, ${size.toLocaleString('en')} publications\n`);
      const archive = await ensureArchive(backend, size);
      if (!values.prepare) results.push(await measureArchive(archive));
    }
  }
  if (values.prepare) return;
  const importResult = readImportResult();
  mkdirSync(RESULTS, { recursive: true });
  const file = join(
    RESULTS,
    `${new Date().toISOString().slice(0, 10)}${quick ? '-quick' : ''}.json`,
  );
  // Runs of the same day add up, as the search benchmark's do: one backend or size at a time
  // still gives one file. This run's archives replace the same ones measured earlier.
  if (existsSync(file)) {
    const earlier = JSON.parse(readFileSync(file, 'utf8')).archives as ArchiveResult[];
    for (const a of earlier) {
      if (!results.some((r) => r.backend === a.backend && r.size === a.size)) results.push(a);
    }
  }
  const report = {
    date: new Date().toISOString(),
    quick,
    secondsPerRun: seconds,
    coldWarmUpSeconds: warmUpSeconds,
    connections,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryBytes: totalmem(),
      node: process.version,
    },
    targets: TARGETS,
    archives: results,
    import: importResult,
    tiles: readTilesResult(),
    totalSeconds: Math.round((performance.now() - started) / 1000),
  };
  printTable(results, importResult);
  process.stdout.write(`${tilesLine(report.tiles)}\n`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nWrote ${file} (${report.totalSeconds} s in all)\n`);
}

/** The URLs to measure, found by reading the archive's own pages. */
async function pickUrls(
  server: RunningServer,
  archive: Archive,
): Promise<Record<PageName | 'search', string>> {
  const home = await (await fetch(`${server.url}/`)).text();
  const pub = [...home.matchAll(/href="(\/gen-section-\d+\/[^"/]+\/)"/g)].map((m) => m[1]!)[0];
  if (!pub) throw new Error('the home page links no publication');
  const section = `/${pub.split('/')[1]}/`;
  const pubPage = await (await fetch(`${server.url}${pub}`)).text();
  const person = /href="(\/people\/[^"/]+\/)"/.exec(pubPage)?.[1];
  if (!person) throw new Error('the publication page links no person');
  // A word of middling frequency: common enough to have many hits, not a stop-word.
  const word = archive.facts.vocabulary[200] ?? 'camp';
  return {
    home: '/',
    listing: `${section}?page=2`,
    publication: pub,
    person,
    search: `/search?q=${encodeURIComponent(word)}`,
  };
}

async function measureArchive(archive: Archive): Promise<ArchiveResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  try {
    // Warm: the render cache on.
    const warmServer = await startDossier({
      databaseUrl: archive.databaseUrl,
      dataDir,
      cache: true,
    });
    const urls = await pickUrls(warmServer, archive);
    const names = Object.keys(urls) as Array<PageName | 'search'>;
    const bodies: Record<string, { type: string; body: string }> = {};
    const rows: PageRow[] = [];
    for (const page of names) {
      const res = await fetch(`${warmServer.url}${urls[page]}`);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${urls[page]} answered ${res.status}`);
      bodies[urls[page]] = {
        type: res.headers.get('content-type') ?? 'text/html',
        body: body.toString('base64'),
      };
      rows.push({
        page,
        url: urls[page],
        bytes: body.byteLength,
        bare: null,
        warm: null,
        cold: null,
        warmRatio: null,
        coldRatio: null,
      });
    }
    // The limit runs beside the warm server, each page alternating bare and warm runs, so a
    // neighbour's load on a shared machine weighs on both sides of the ratio alike.
    const pagesFile = join(dataDir, 'pages.json');
    writeFileSync(pagesFile, JSON.stringify(bodies));
    const bare = await startBare(pagesFile);
    await sleep(1000);
    const rssIdle = rssOf(warmServer.pid);
    let rssUnderLoad = rssIdle;
    const half = Math.max(1, Math.round(seconds / 2));
    for (const row of rows) {
      process.stderr.write(`  bare and warm ${row.page}\n`);
      const bareRuns: LoadResult[] = [];
      const warmRuns: LoadResult[] = [];
      for (let pass = 0; pass < 2; pass++) {
        bareRuns.push(await autocannon(`${bare.url}${row.url}`, { seconds: half, connections }));
        const { result, peakRss } = await withPeakRss(warmServer.pid, () =>
          autocannon(`${warmServer.url}${row.url}`, { seconds: half, connections }),
        );
        warmRuns.push(result);
        rssUnderLoad = Math.max(rssUnderLoad, peakRss);
      }
      row.bare = combine(bareRuns);
      row.warm = combine(warmRuns);
      row.warmRatio = round(row.warm.requestsPerSecond / row.bare.requestsPerSecond, 3);
    }
    bare.stop();
    const coldStartMs = warmServer.coldStartMs;
    await warmServer.stop();

    // Cold: every request renders.
    const coldServer = await startDossier({
      databaseUrl: archive.databaseUrl,
      dataDir,
      cache: false,
    });
    await sleep(1000);
    const rssIdleCold = rssOf(coldServer.pid);
    let rssUnderLoadCold = rssIdleCold;
    // Cold means the render cache is off, not the JIT: the first seconds of a fresh process run
    // slower while V8 is still compiling its hot paths, which the warm server had long behind it.
    // Each page gets a short run first whose throughput is not counted; its errors and
    // slowest response are.
    const warmUps: LoadResult[] = [];
    for (const row of rows) {
      if (row.page === 'search') continue;
      process.stderr.write(`  warming up ${row.page}\n`);
      const { result, peakRss } = await withPeakRss(coldServer.pid, () =>
        autocannon(`${coldServer.url}${row.url}`, { seconds: warmUpSeconds, connections }),
      );
      warmUps.push(result);
      rssUnderLoadCold = Math.max(rssUnderLoadCold, peakRss);
    }
    for (const row of rows) {
      if (row.page === 'search') continue; // never cached: its warm run is its only run
      process.stderr.write(`  cold ${row.page}\n`);
      const { result, peakRss } = await withPeakRss(coldServer.pid, () =>
        autocannon(`${coldServer.url}${row.url}`, { seconds, connections }),
      );
      row.cold = result;
      rssUnderLoadCold = Math.max(rssUnderLoadCold, peakRss);
    }
    await coldServer.stop();

    for (const row of rows) {
      if (row.cold && row.bare) {
        row.coldRatio = round(row.cold.requestsPerSecond / row.bare.requestsPerSecond, 3);
      }
    }

    const runs = [
      ...rows.flatMap((r) => [r.warm, r.cold]).filter((r): r is LoadResult => r !== null),
      ...warmUps,
    ];
    return {
      backend: archive.backend,
      size: archive.size,
      buildSeconds: archive.buildSeconds,
      coldStartMs,
      rssIdleBytes: rssIdle,
      rssUnderLoadBytes: rssUnderLoad,
      rssIdleColdBytes: rssIdleCold,
      rssUnderLoadColdBytes: rssUnderLoadCold,
      pages: rows,
      maxLatencyMs: Math.max(...runs.map((r) => r.latencyMax)),
      errors: runs.reduce((n, r) => n + r.errors + r.non2xx, 0),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Two runs as one: requests and throughput averaged, latencies at their worst. */
function combine(runs: LoadResult[]): LoadResult {
  const mean = (f: (r: LoadResult) => number) => runs.reduce((n, r) => n + f(r), 0) / runs.length;
  const worst = (f: (r: LoadResult) => number) => Math.max(...runs.map(f));
  const sum = (f: (r: LoadResult) => number) => runs.reduce((n, r) => n + f(r), 0);
  return {
    requestsPerSecond: mean((r) => r.requestsPerSecond),
    latencyP50: worst((r) => r.latencyP50),
    latencyP99: worst((r) => r.latencyP99),
    latencyMax: worst((r) => r.latencyMax),
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    bytesPerSecond: mean((r) => r.bytesPerSecond),
  };
}

async function startBare(pagesFile: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'bare-server.ts'), pagesFile, String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the bare server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

function readImportResult(): {
  itemsPerSecond: number | null;
  source: string | null;
  note: string;
} {
  let files: string[] = [];
  try {
    // The newest run, whatever its file is called (one per size and day).
    files = readdirSync(RESULTS)
      .filter((f) => /^import-.*\.json$/.test(f))
      .sort((a, b) => statSync(join(RESULTS, a)).mtimeMs - statSync(join(RESULTS, b)).mtimeMs);
  } catch {
    // No results yet.
  }
  const newest = files.at(-1);
  if (!newest) return { itemsPerSecond: null, source: null, note: 'not measured' };
  const data = JSON.parse(readFileSync(join(RESULTS, newest), 'utf8')) as {
    fullImport?: { itemsPerSecond?: number };
  };
  // The whole import (parse, convert, save, index), not the parser alone.
  const rate = data.fullImport?.itemsPerSecond;
  return typeof rate === 'number'
    ? { itemsPerSecond: rate, source: newest, note: 'full import, from the import benchmark' }
    : { itemsPerSecond: null, source: newest, note: 'not measured (no full-import figure)' };
}

function printTable(results: ArchiveResult[], imp: ReturnType<typeof readImportResult>): void {
  const out: string[] = [];
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  for (const r of results) {
    out.push('');
    out.push(
      `${r.backend}, ${r.size.toLocaleString('en')} publications — cold start ${r.coldStartMs} ms, RSS idle ${mb(r.rssIdleBytes)}, under load ${mb(r.rssUnderLoadBytes)} (cache off: ${mb(r.rssIdleColdBytes)} / ${mb(r.rssUnderLoadColdBytes)}), slowest response ${r.maxLatencyMs} ms, errors ${r.errors}`,
    );
    out.push(
      pad([
        'page',
        'bytes',
        'bare req/s',
        'warm req/s',
        'p50/p99 ms',
        '× bare',
        'cold req/s',
        'p50/p99 ms',
        '× bare',
      ]),
    );
    for (const p of r.pages) {
      out.push(
        pad([
          p.page,
          String(p.bytes),
          fmt(p.bare?.requestsPerSecond),
          fmt(p.warm?.requestsPerSecond),
          p.warm ? `${p.warm.latencyP50}/${p.warm.latencyP99}` : '–',
          p.warmRatio === null ? '–' : p.warmRatio.toFixed(2),
          fmt(p.cold?.requestsPerSecond),
          p.cold ? `${p.cold.latencyP50}/${p.cold.latencyP99}` : '–',
          p.coldRatio === null ? '–' : p.coldRatio.toFixed(2),
        ]),
      );
    }
    const pub = r.pages.find((p) => p.page === 'publication');
    out.push(
      `targets: warm publication ≥ ${TARGETS.warmRatio}× ${verdict((pub?.warmRatio ?? 0) >= TARGETS.warmRatio)}, cold ≥ ${TARGETS.coldRatio}× ${verdict((pub?.coldRatio ?? 0) >= TARGETS.coldRatio)}, RSS under load ≤ 250 MB ${verdict(r.rssUnderLoadBytes <= TARGETS.rssUnderLoadBytes)}, no response > 1 s ${verdict(r.maxLatencyMs <= TARGETS.maxMs)}`,
    );
  }
  out.push('');
  out.push(
    `import: ${imp.itemsPerSecond === null ? imp.note : `${imp.itemsPerSecond.toFixed(1)} WXR items/s, ${imp.note} (${imp.source})`}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const fmt = (n: number | undefined) => (n === undefined ? '–' : Math.round(n).toLocaleString('en'));
const pad = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(12) : c.padStart(i === 1 ? 7 : 11))).join(' ');
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

await main();
