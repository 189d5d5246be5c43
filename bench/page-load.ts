/**
 * How the page benchmark loads a server: wrk with one thread, pinned to its own CPU, against a
 * server pinned to the other, each figure of Dossier measured in the same run as the bare
 * server's (bare, Dossier, bare, Dossier, …) and the median of the rounds kept. A Node load
 * generator beside the server on two cores takes a large share of the CPU and flatters every
 * ratio; wrk takes little, and on a CPU of its own none of the server's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import type { RecordedAnswer } from './bare-server.ts';
import { freePort } from './http-harness.ts';
import { type WrkResult, wrk } from './wrk.ts';

/** The CPU the servers run on, and wrk's. */
export const SERVER_CPU = 0;
export const LOAD_CPU = 1;

export interface LoadSettings {
  connections: number;
  seconds: number;
  rounds: number;
}

/** One URL measured against the bare server, round by round. */
export interface Comparison {
  bare: WrkResult[];
  dossier: WrkResult[];
  /** Medians over the rounds. */
  bareRps: number;
  dossierRps: number;
  /** The median of each round's ratio (Dossier ÷ the bare run just before it). */
  ratio: number;
  bareP99Ms: number;
  dossierP99Ms: number;
  /** Answers other than 2xx or 3xx, and socket errors, in Dossier's runs. */
  errors: number;
}

/** Headers that belong to one connection or one moment, not to the answer. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** Dossier's answer as it went on the wire: headers in order, bytes undecoded. */
export function recordAnswer(
  base: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<RecordedAnswer> {
  return new Promise((resolve, reject) => {
    request(`${base}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${url} answered ${res.statusCode}`));
        const flat: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!;
          if (!PER_CONNECTION.has(name.toLowerCase())) flat.push(name, res.rawHeaders[i + 1]!);
        }
        resolve({ headers: flat, body: Buffer.concat(chunks).toString('base64') });
      });
    })
      .on('error', reject)
      .end();
  });
}

export async function startBare(
  answersFile: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const script = join(import.meta.dirname, 'bare-server.ts');
  const child = spawn(
    'taskset',
    [
      '-c',
      String(SERVER_CPU),
      process.execPath,
      '--import',
      'tsx',
      script,
      answersFile,
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the bare server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** One uncounted run, to let V8 compile the hot paths of the server it loads. */
export function warmUp(
  url: string,
  settings: LoadSettings,
  headers?: Record<string, string>,
): Promise<WrkResult> {
  return wrk(url, {
    threads: 1,
    connections: settings.connections,
    seconds: Math.min(settings.seconds, 3),
    headers,
    cpu: LOAD_CPU,
  });
}

/** Bare, Dossier, bare, Dossier…: `rounds` of each, in turn. */
export async function compare(
  bareUrl: string,
  dossierUrl: string,
  settings: LoadSettings,
  options: {
    headers?: Record<string, string>;
    /** Wraps each of Dossier's runs (to sample its memory meanwhile). */
    around?: (run: () => Promise<WrkResult>) => Promise<WrkResult>;
  } = {},
): Promise<Comparison> {
  const load = (url: string) =>
    wrk(url, {
      threads: 1,
      connections: settings.connections,
      seconds: settings.seconds,
      headers: options.headers,
      cpu: LOAD_CPU,
    });
  const around = options.around ?? ((run) => run());
  const bare: WrkResult[] = [];
  const dossier: WrkResult[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    bare.push(await load(bareUrl));
    dossier.push(await around(() => load(dossierUrl)));
  }
  return {
    bare,
    dossier,
    bareRps: median(bare.map((r) => r.requestsPerSecond)),
    dossierRps: median(dossier.map((r) => r.requestsPerSecond)),
    ratio: round3(median(dossier.map((r, i) => r.requestsPerSecond / bare[i]!.requestsPerSecond))),
    bareP99Ms: median(bare.map((r) => r.latencyP99Ms)),
    dossierP99Ms: median(dossier.map((r) => r.latencyP99Ms)),
    errors: dossier.reduce((n, r) => n + r.non2xx + r.socketErrors, 0),
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
