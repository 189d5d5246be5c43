/**
 * The page benchmark: `npm run bench [-- --quick] [-- --sizes 10000,100000]
 * [-- --backends sqlite,postgres] [-- --seconds N] [-- --rounds N] [-- --pages publication,home]`.
 *
 * For each generated archive (bench/generate-archive.ts, cached in bench/.cache/) it starts a
 * real `dossier serve` process on one CPU and drives it with wrk (one thread, 50 connections) on
 * the other (bench/page-load.ts):
 * - the home page, a listing, a publication page and a person page, warm (render cache on),
 *   plainly and with `Accept-Encoding: br`, and cold (`--no-cache`: every request renders, after
 *   a short uncounted run per page to let V8 compile the hot paths), and a search;
 * - the limit: a bare node:http server (bench/bare-server.ts) on the same CPU answering each URL
 *   with the bytes and headers of Dossier's warm answer, measured in the same run: bare, Dossier,
 *   bare, Dossier, three rounds, medians kept; each page's throughput is reported as a ratio of it;
 * - server RSS at idle and under load, and the cold start time to the first served page.
 * Import throughput (WXR items per second) is read from the newest bench/results/import-*.json
 * when the import benchmark has written one, and the tiling figures from the newest
 * bench/results/tiles-*.json (bench/tiles.ts).
 *
 * `--quick` (short even when the archive must be built first): a 2,000-publication archive on
 * SQLite, the publication page only, 2 s per run.
 * Prints a table and writes bench/results/<date>.json. `--prepare` only builds the archives.
 * Measure on a quiet machine: the load average at the start and end of each archive is recorded.
 */
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
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Archive, type Backend, ensureArchive, RESULTS } from './archives.ts';
import type { RecordedPages } from './bare-server.ts';
import { type RunningServer, rssOf, startDossier, withPeakRss } from './http-harness.ts';
import {
  type Comparison,
  compare,
  LOAD_CPU,
  type LoadSettings,
  recordAnswer,
  SERVER_CPU,
  startBare,
  warmUp,
} from './page-load.ts';
import { readTilesResult, tilesLine } from './tiles-result.ts';
import { type WrkResult, wrk } from './wrk.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    backends: { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    pages: { type: 'string' },
    connections: { type: 'string', default: '50' },
    /** Only build the archives (they are cached), measure nothing. */
    prepare: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const sizes = (values.sizes ?? (quick ? '2000' : '10000,100000')).split(',').map(Number);
const backends = (values.backends ?? (quick ? 'sqlite' : 'sqlite,postgres')).split(
  ',',
) as Backend[];
const PAGE_NAMES = ['home', 'listing', 'publication', 'person'] as const;
type PageName = (typeof PAGE_NAMES)[number];
const pages = (values.pages ?? (quick ? 'publication' : PAGE_NAMES.join(','))).split(
  ',',
) as PageName[];
for (const page of pages) {
  if (!PAGE_NAMES.includes(page)) throw new Error(`--pages: no page "${page}" (${PAGE_NAMES})`);
}
const settings: LoadSettings = {
  connections: Number(values.connections),
  seconds: Number(values.seconds ?? (quick ? 2 : 10)),
  rounds: Number(values.rounds),
};
const BROTLI = { 'accept-encoding': 'br' };

const TARGETS = {
  warmRatio: 0.8,
  warmBrRatio: 0.8,
  coldRatio: 0.15,
  rssUnderLoadBytes: 250 * 1024 * 1024,
  maxMs: 1000,
};

interface PageRow {
  page: PageName;
  url: string;
  bytes: number;
  brBytes: number | null;
  warm: Comparison | null;
  warmBr: Comparison | null;
  cold: Comparison | null;
}

interface ArchiveResult {
  backend: Backend;
  size: number;
  buildSeconds: number | null;
  coldStartMs: number;
  /** The load average (1, 5, 15 minutes) before the first run and after the last. */
  loadBefore: number[];
  loadAfter: number[];
  rssIdleBytes: number;
  rssUnderLoadBytes: number;
  rssIdleColdBytes: number;
  rssUnderLoadColdBytes: number;
  pages: PageRow[];
  search: WrkResult | null;
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
    load: {
      tool: 'wrk -t1',
      ...settings,
      serverCpu: SERVER_CPU,
      wrkCpu: LOAD_CPU,
    },
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

/**
 * Each page's warm answers, plain and brotli, as the bare server will give them. Asked twice
 * first: the brotli copy is made after the first answer, and the bare server must send what a
 * warm Dossier sends.
 */
async function recordPages(server: RunningServer, urls: string[]): Promise<RecordedPages> {
  const recorded: RecordedPages = {};
  for (const url of urls) {
    await recordAnswer(server.url, url, BROTLI);
    await new Promise((r) => setTimeout(r, 300));
    const identity = await recordAnswer(server.url, url);
    const br = await recordAnswer(server.url, url, BROTLI);
    const encoded = br.headers.some(
      (h, i) => i % 2 === 0 && h.toLowerCase() === 'content-encoding',
    );
    recorded[url] = { identity, br: encoded ? br : null };
  }
  return recorded;
}

async function measureArchive(archive: Archive): Promise<ArchiveResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
  if (loadBefore[0]! >= 0.7) {
    process.stderr.write(`  the machine is busy (load ${loadBefore[0]}): ratios will be noisy\n`);
  }
  try {
    // Warm: the render cache on.
    const warmServer = await startDossier({
      databaseUrl: archive.databaseUrl,
      dataDir,
      cache: true,
      cpu: SERVER_CPU,
    });
    const urls = await pickUrls(warmServer, archive);
    const recorded = await recordPages(
      warmServer,
      pages.map((p) => urls[p]),
    );
    const rows: PageRow[] = pages.map((page) => {
      const answers = recorded[urls[page]]!;
      return {
        page,
        url: urls[page],
        bytes: Buffer.from(answers.identity.body, 'base64').byteLength,
        brBytes: answers.br ? Buffer.from(answers.br.body, 'base64').byteLength : null,
        warm: null,
        warmBr: null,
        cold: null,
      };
    });
    const answersFile = join(dataDir, 'answers.json');
    writeFileSync(answersFile, JSON.stringify(recorded));
    const bare = await startBare(answersFile);
    await sleep(1000);
    const rssIdle = rssOf(warmServer.pid);
    let rssUnderLoad = rssIdle;
    const sampled =
      (pid: number, onPeak: (bytes: number) => void) => async (run: () => Promise<WrkResult>) => {
        const { result, peakRss } = await withPeakRss(pid, run);
        onPeak(peakRss);
        return result;
      };
    const warmSampled = sampled(warmServer.pid, (b) => (rssUnderLoad = Math.max(rssUnderLoad, b)));
    for (const row of rows) {
      process.stderr.write(`  bare and warm ${row.page}\n`);
      await warmUp(`${bare.url}${row.url}`, settings);
      await warmUp(`${warmServer.url}${row.url}`, settings);
      row.warm = await compare(`${bare.url}${row.url}`, `${warmServer.url}${row.url}`, settings, {
        around: warmSampled,
      });
      if (row.brBytes === null) continue;
      process.stderr.write(`  bare and warm ${row.page}, brotli\n`);
      row.warmBr = await compare(`${bare.url}${row.url}`, `${warmServer.url}${row.url}`, settings, {
        headers: BROTLI,
        around: warmSampled,
      });
    }
    // Search is never cached: the warm server's run is its only one.
    let search: WrkResult | null = null;
    if (!quick) {
      process.stderr.write('  search\n');
      search = await warmSampled(() =>
        wrk(`${warmServer.url}${urls.search}`, {
          threads: 1,
          connections: settings.connections,
          seconds: settings.seconds,
          cpu: LOAD_CPU,
        }),
      );
    }
    const coldStartMs = warmServer.coldStartMs;
    await warmServer.stop();

    // Cold: every request renders.
    const coldServer = await startDossier({
      databaseUrl: archive.databaseUrl,
      dataDir,
      cache: false,
      cpu: SERVER_CPU,
    });
    await sleep(1000);
    const rssIdleCold = rssOf(coldServer.pid);
    let rssUnderLoadCold = rssIdleCold;
    const coldSampled = sampled(
      coldServer.pid,
      (b) => (rssUnderLoadCold = Math.max(rssUnderLoadCold, b)),
    );
    // Cold means the render cache is off, not the JIT: the first seconds of a fresh process run
    // slower while V8 is still compiling its hot paths, which the warm server had long behind it.
    // Each page gets a short run first whose throughput is not counted; its errors and
    // slowest response are.
    const warmUps: WrkResult[] = [];
    for (const row of rows) {
      process.stderr.write(`  warming up ${row.page}\n`);
      warmUps.push(await coldSampled(() => warmUp(`${coldServer.url}${row.url}`, settings)));
    }
    for (const row of rows) {
      process.stderr.write(`  bare and cold ${row.page}\n`);
      row.cold = await compare(`${bare.url}${row.url}`, `${coldServer.url}${row.url}`, settings, {
        around: coldSampled,
      });
    }
    await coldServer.stop();
    bare.child.kill('SIGTERM');

    const comparisons = rows.flatMap((r) =>
      [r.warm, r.warmBr, r.cold].filter((c): c is Comparison => c !== null),
    );
    const runs = [
      ...comparisons.flatMap((c) => c.dossier),
      ...warmUps,
      ...(search ? [search] : []),
    ];
    return {
      backend: archive.backend,
      size: archive.size,
      buildSeconds: archive.buildSeconds,
      coldStartMs,
      loadBefore,
      loadAfter: loadavg().map((n) => Math.round(n * 100) / 100),
      rssIdleBytes: rssIdle,
      rssUnderLoadBytes: rssUnderLoad,
      rssIdleColdBytes: rssIdleCold,
      rssUnderLoadColdBytes: rssUnderLoadCold,
      pages: rows,
      search,
      maxLatencyMs: Math.max(...runs.map((r) => r.latencyMaxMs)),
      errors: runs.reduce((n, r) => n + r.non2xx + r.socketErrors, 0),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
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
      `${r.backend}, ${r.size.toLocaleString('en')} publications — load ${r.loadBefore[0]} → ${r.loadAfter[0]}, cold start ${r.coldStartMs} ms, RSS idle ${mb(r.rssIdleBytes)}, under load ${mb(r.rssUnderLoadBytes)} (cache off: ${mb(r.rssIdleColdBytes)} / ${mb(r.rssUnderLoadColdBytes)}), slowest response ${Math.round(r.maxLatencyMs)} ms, errors ${r.errors}`,
    );
    out.push(pad(['page', 'bytes', 'run', 'bare req/s', 'p99 ms', 'req/s', 'p99 ms', '× bare']));
    for (const p of r.pages) {
      const lines: Array<[string, number | null, Comparison | null]> = [
        ['warm', p.bytes, p.warm],
        ['warm br', p.brBytes, p.warmBr],
        ['cold', p.bytes, p.cold],
      ];
      for (const [run, bytes, c] of lines) {
        if (!c) continue;
        out.push(
          pad([
            run === 'warm' ? p.page : '',
            String(bytes ?? '–'),
            run,
            fmt(c.bareRps),
            c.bareP99Ms.toFixed(1),
            fmt(c.dossierRps),
            c.dossierP99Ms.toFixed(1),
            c.ratio.toFixed(2),
          ]),
        );
      }
    }
    if (r.search) {
      out.push(
        `search: ${fmt(r.search.requestsPerSecond)} req/s, p50/p99 ${Math.round(r.search.latencyP50Ms)}/${Math.round(r.search.latencyP99Ms)} ms`,
      );
    }
    const pub = r.pages.find((p) => p.page === 'publication');
    if (pub) {
      out.push(
        `targets: warm publication ≥ ${TARGETS.warmRatio}× ${verdict((pub.warm?.ratio ?? 0) >= TARGETS.warmRatio)}, with brotli ≥ ${TARGETS.warmBrRatio}× ${verdict((pub.warmBr?.ratio ?? 0) >= TARGETS.warmBrRatio)}, cold ≥ ${TARGETS.coldRatio}× ${verdict((pub.cold?.ratio ?? 0) >= TARGETS.coldRatio)}, RSS under load ≤ 250 MB ${verdict(r.rssUnderLoadBytes <= TARGETS.rssUnderLoadBytes)}, no response > 1 s ${verdict(r.maxLatencyMs <= TARGETS.maxMs)}`,
      );
    }
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
  cells.map((c, i) => (i === 0 ? c.padEnd(12) : c.padStart(i === 2 ? 8 : 11))).join(' ');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

await main();
