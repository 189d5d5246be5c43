/**
 * `npm run bench:tile-serving [-- --runs 3] [-- --seconds 10] [-- --no-profile]`: how fast a
 * real `dossier serve` process answers IIIF tile requests from disk, against a bare node:http
 * server answering the same URLs with the same bytes and headers from memory (the limit).
 *
 * The data folder (bench/tile-serving-data.ts) is the demo archive with a 4096² scene placed in
 * a public report. A few real tile URLs are taken from the scene's info.json: a 512 px tile at
 * full resolution, a tile of a lower level, and the whole image at a small size. For each, wrk
 * (`-t2 -c50`) runs against the bare server and Dossier in turn, `runs` times each after an
 * uncounted warm-up, so a neighbour's load on a shared machine weighs on both sides alike; then
 * once more against a server with its render cache off. Medians and their ratio are printed and
 * written to bench/results/tile-serving-<date>.json. When a ratio misses the target, one more
 * run of the full-resolution tile is made with V8's sampling profiler in the server, and where
 * its time went is summarized.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { levelZeroPaths, type SceneTiles } from '../src/core/imagery.ts';
import { RESULTS } from './archives.ts';
import type { RecordedResponse } from './bare-tile-server.ts';
import { formatSummary, type ProfileSummary, summarizeProfile } from './cpu-profile.ts';
import { freePort, type RunningServer, startDossier } from './http-harness.ts';
import { ensureTileServingData, SCENE_SIZE, type TileServingData } from './tile-serving-data.ts';
import { type WrkResult, wrk } from './wrk.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    'no-profile': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const LOAD = { threads: 2, connections: 50, seconds: Number(values.seconds) };
const WARM_UP = { ...LOAD, seconds: 2 };
const RATIO_TARGET = 0.7;
/** Headers that belong to one connection or one moment, not to the answer. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Case {
  name: string;
  url: string;
  bytes: number;
  bare: WrkResult[];
  dossier: WrkResult[];
  dossierNoCache: WrkResult | null;
  medianBareRps: number;
  medianDossierRps: number;
  ratio: number;
  noCacheRatio: number | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;
const load = () => loadavg().map((n) => round(n, 2));

/** A full-resolution tile near the middle, a tile two levels down, a small whole image. */
async function pickTiles(server: RunningServer, sceneId: number) {
  const base = `/iiif/${sceneId}`;
  const res = await fetch(`${server.url}${base}/info.json`);
  if (res.status !== 200) throw new Error(`info.json answered ${res.status}`);
  const info = (await res.json()) as SceneTiles;
  const paths = new Set(levelZeroPaths(info));
  const tile = info.tiles[0]!.width;
  const mid = Math.floor(info.width / 2 / tile) * tile;
  const lower = tile * 4;
  const small = [...info.sizes].sort((a, b) => a.width - b.width).find((s) => s.width >= 200);
  const picks = {
    'tile 512, full resolution': `${mid},${mid},${tile},${tile}/${tile},${tile}/0/default.jpg`,
    'tile 512, scale 1/4': `0,0,${lower},${lower}/${tile},${tile}/0/default.jpg`,
    [`whole image, ${small?.width} px`]: `full/${small?.width},${small?.height}/0/default.jpg`,
  };
  for (const path of Object.values(picks)) {
    if (!paths.has(path)) throw new Error(`info.json lists no ${path}`);
  }
  return Object.entries(picks).map(([name, path]) => ({ name, url: `${base}/${path}` }));
}

async function record(server: RunningServer, url: string): Promise<RecordedResponse> {
  const res = await fetch(`${server.url}${url}`);
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!PER_RESPONSE.has(name)) headers[name] = value;
  });
  headers['content-length'] = String(body.byteLength);
  return { headers, body: body.toString('base64') };
}

async function startBare(file: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const script = join(import.meta.dirname, 'bare-tile-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, file, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the bare server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function checked(result: WrkResult, what: string): WrkResult {
  if (result.non2xx > 0 || result.socketErrors > 0) {
    throw new Error(`${what}: ${result.non2xx} non-2xx answers, ${result.socketErrors} errors`);
  }
  return result;
}

async function measure(data: TileServingData): Promise<Case[]> {
  const server = await startDossier({ ...data, cache: true });
  const picks = await pickTiles(server, data.sceneId);
  const recorded = Object.fromEntries(
    await Promise.all(picks.map(async (p) => [p.url, await record(server, p.url)] as const)),
  );
  const work = mkdtempSync(join(tmpdir(), 'dossier-tile-serving-'));
  const file = join(work, 'responses.json');
  writeFileSync(file, JSON.stringify(recorded));
  const bare = await startBare(file);
  const cases: Case[] = [];
  try {
    for (const pick of picks) {
      const bytes = Buffer.from(recorded[pick.url]!.body, 'base64').byteLength;
      process.stderr.write(`${pick.name} (${bytes} bytes): warming up\n`);
      await wrk(`${bare.url}${pick.url}`, WARM_UP);
      await wrk(`${server.url}${pick.url}`, WARM_UP);
      const row: Case = {
        ...pick,
        bytes,
        bare: [],
        dossier: [],
        dossierNoCache: null,
        medianBareRps: 0,
        medianDossierRps: 0,
        ratio: 0,
        noCacheRatio: null,
      };
      for (let run = 0; run < RUNS; run++) {
        row.bare.push(checked(await wrk(`${bare.url}${pick.url}`, LOAD), 'bare'));
        row.dossier.push(checked(await wrk(`${server.url}${pick.url}`, LOAD), 'Dossier'));
        process.stderr.write(
          `  run ${run + 1}/${RUNS}: bare ${Math.round(row.bare.at(-1)!.requestsPerSecond)} req/s, Dossier ${Math.round(row.dossier.at(-1)!.requestsPerSecond)} req/s (load ${load().join(' ')})\n`,
        );
      }
      row.medianBareRps = median(row.bare.map((r) => r.requestsPerSecond));
      row.medianDossierRps = median(row.dossier.map((r) => r.requestsPerSecond));
      row.ratio = round(row.medianDossierRps / row.medianBareRps);
      cases.push(row);
    }
  } finally {
    bare.child.kill('SIGTERM');
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const noCache = await startDossier({ ...data, cache: false });
  try {
    for (const row of cases) {
      process.stderr.write(`${row.name}: render cache off\n`);
      await wrk(`${noCache.url}${row.url}`, WARM_UP);
      row.dossierNoCache = checked(await wrk(`${noCache.url}${row.url}`, LOAD), 'no cache');
      row.noCacheRatio = round(row.dossierNoCache.requestsPerSecond / row.medianBareRps);
    }
  } finally {
    await noCache.stop();
  }
  return cases;
}

/**
 * One more run of `url` against a server that samples itself (bench/cpu-profile-preload.mjs),
 * from after its warm-up to its exit, summarized.
 */
async function profile(
  data: TileServingData,
  url: string,
): Promise<ProfileSummary & { requests: number; busyMicrosecondsPerRequest: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-cpu-prof-'));
  const file = join(dir, 'server.cpuprofile');
  try {
    const server = await startDossier({
      ...data,
      cache: true,
      extraEnv: {
        NODE_OPTIONS: `--import=${join(import.meta.dirname, 'cpu-profile-preload.mjs')}`,
        CPU_PROFILE_FILE: file,
      },
    });
    process.stderr.write('profiling the full-resolution tile\n');
    await wrk(`${server.url}${url}`, WARM_UP);
    server.child.kill('SIGUSR2');
    const run = await wrk(`${server.url}${url}`, LOAD);
    await server.stop();
    if (!existsSync(file)) throw new Error('the server wrote no CPU profile');
    const summary = summarizeProfile(file);
    const busyUs = (summary.totalMs - summary.idleMs) * 1000;
    return {
      ...summary,
      requests: run.requests,
      busyMicrosecondsPerRequest: Math.round(busyUs / run.requests),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(cases: Case[]): void {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB/s`;
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const lines = cases.map((c) => {
    const p99 = (runs: WrkResult[]) => ms(median(runs.map((r) => r.latencyP99Ms)));
    const rate = (runs: WrkResult[]) => mb(median(runs.map((r) => r.bytesPerSecond)));
    const noCache = c.dossierNoCache
      ? `; cache off ${Math.round(c.dossierNoCache.requestsPerSecond)} req/s (${c.noCacheRatio}×)`
      : '';
    return [
      `${c.name}, ${c.bytes} bytes: ${c.url}`,
      `  bare    ${Math.round(c.medianBareRps)} req/s, p99 ${p99(c.bare)}, ${rate(c.bare)}`,
      `  Dossier ${Math.round(c.medianDossierRps)} req/s, p99 ${p99(c.dossier)}, ${rate(c.dossier)}${noCache}`,
      `  ratio ${c.ratio} (target ≥ ${RATIO_TARGET} ${c.ratio >= RATIO_TARGET ? 'met' : 'MISSED'})`,
    ].join('\n');
  });
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const data = await ensureTileServingData();
  const loadBefore = load();
  const cases = await measure(data);
  const loadAfter = load();
  const missed = cases.some((c) => c.ratio < RATIO_TARGET);
  const profiled = missed && !values['no-profile'] ? await profile(data, cases[0]!.url) : null;
  const report = {
    date: new Date().toISOString(),
    scene: { width: SCENE_SIZE, height: SCENE_SIZE },
    load: { ...LOAD, tool: 'wrk', runsEach: RUNS, warmUpSeconds: WARM_UP.seconds },
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryBytes: totalmem(),
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAfter,
    },
    target: RATIO_TARGET,
    cases,
    profile: profiled,
  };
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `tile-serving-${report.date.slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    `machine: ${report.machine.cpu}, ${report.machine.cores} cores; load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after\n`,
  );
  process.stdout.write(
    `wrk -t${LOAD.threads} -c${LOAD.connections} -d${LOAD.seconds}s, ${RUNS} runs each, medians\n`,
  );
  printTable(cases);
  if (profiled) {
    process.stdout.write(
      `\n${profiled.requests} requests profiled, ${profiled.busyMicrosecondsPerRequest} µs of server CPU each\n${formatSummary(profiled)}\n`,
    );
  }
  process.stdout.write(`\nWrote ${file}\n`);
}

await main();
