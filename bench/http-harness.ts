/**
 * What the page benchmark and the soak share: starting a real `dossier serve` process on an
 * archive (pinned to one CPU when asked), reading its memory, and running autocannon (the soak's
 * load) in a process of its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const BIN = join(here, '..', 'bin', 'dossier.js');
const require = createRequire(import.meta.url);
const AUTOCANNON = join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Milliseconds from spawning the process to the first 200 on the home page. */
  coldStartMs: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The Node flags the bin's `#!/usr/bin/env -S node …` line runs it with, as an operator does. */
function nodeFlagsOfBin(): string[] {
  const shebang = readFileSync(BIN, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\/usr\/bin\/env -S node((?: --[\w-]+(?:=\S+)?)*)$/.exec(shebang);
  return match?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}

export async function startDossier(options: {
  databaseUrl: string;
  dataDir: string;
  cache: boolean;
  workers?: number;
  extraEnv?: Record<string, string>;
  /** The one CPU to run the server on (`taskset`), away from the load generator's. */
  cpu?: number;
}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [...nodeFlagsOfBin(), BIN, 'serve', '--port', String(port)];
  if (!options.cache) args.push('--no-cache');
  if (options.workers && options.workers > 1) args.push('--workers', String(options.workers));
  const started = performance.now();
  // taskset execs the server in its own place: the child's pid is the server's.
  const [command, ...rest] =
    options.cpu === undefined
      ? [process.execPath, ...args]
      : ['taskset', '-c', String(options.cpu), process.execPath, ...args];
  const child = spawn(command!, rest, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      PUBLIC_URL: 'http://localhost',
      ...options.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) throw new Error(`dossier serve exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`dossier serve did not answer:\n${output}`);
    const ok = await fetch(`${url}/`)
      .then(async (r) => {
        await r.arrayBuffer();
        return r.status === 200;
      })
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const coldStartMs = Math.round(performance.now() - started);
  return {
    url,
    pid: child.pid!,
    coldStartMs,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}

/** Resident memory of a process and its children (the cluster's workers), in bytes. */
export function rssOf(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb * 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const c of children.split(/\s+/).filter(Boolean)) visit(Number(c));
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return total;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  requests: number;
  errors: number;
  non2xx: number;
  bytesPerSecond: number;
}

/** autocannon in its own process, so its work is not counted against the server's process. */
export function autocannon(
  url: string,
  options: {
    connections?: number;
    seconds: number;
    rate?: number;
    headers?: Record<string, string>;
  },
): Promise<LoadResult> {
  const args = [
    AUTOCANNON,
    '--json',
    '-c',
    String(options.connections ?? 10),
    '-d',
    String(options.seconds),
  ];
  if (options.rate) args.push('--overallRate', String(options.rate));
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      try {
        const r = JSON.parse(out);
        resolve({
          requestsPerSecond: r.requests.average,
          latencyP50: r.latency.p50,
          latencyP99: r.latency.p99,
          latencyMax: r.latency.max,
          requests: r.requests.total,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
          bytesPerSecond: r.throughput.average,
        });
      } catch (error) {
        reject(new Error(`autocannon printed no JSON: ${String(error)}\n${err}`));
      }
    });
  });
}

/** Samples a process's RSS every 250 ms while `work` runs; returns the work's result and the peak. */
export async function withPeakRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peakRss: number }> {
  let peak = rssOf(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 250);
  try {
    const result = await work();
    return { result, peakRss: Math.max(peak, rssOf(pid)) };
  } finally {
    clearInterval(timer);
  }
}
