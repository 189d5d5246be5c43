/**
 * Runs Debian's `wrk` against one URL and reads its figures from a `done` hook that prints them
 * as JSON (the hook runs once, after the load: it costs the measured requests nothing).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WRK = '/usr/bin/wrk';

export interface WrkResult {
  requestsPerSecond: number;
  bytesPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  requests: number;
  /** Answers other than 2xx or 3xx. */
  non2xx: number;
  /** Connect, read, write errors and timeouts. */
  socketErrors: number;
}

const REPORT_SCRIPT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK-JSON {"requests":%d,"durationUs":%d,"bytes":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"non2xx":%d,"socketErrors":%d}\\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
`;

export function wrk(
  url: string,
  options: {
    threads: number;
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    /** The one CPU to run wrk on (`taskset`), away from the server's. */
    cpu?: number;
  },
): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-wrk-'));
  const script = join(dir, 'report.lua');
  writeFileSync(script, REPORT_SCRIPT);
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '-s',
    script,
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => [
      '-H',
      `${name}: ${value}`,
    ]),
    url,
  ];
  return new Promise<WrkResult>((resolve, reject) => {
    const [command, ...rest] =
      options.cpu === undefined
        ? [WRK, ...args]
        : ['taskset', '-c', String(options.cpu), WRK, ...args];
    const child = spawn(command!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = /^WRK-JSON (.*)$/m.exec(out)?.[1];
      if (code !== 0 || !line) return reject(new Error(`wrk exited ${code}: ${err}${out}`));
      const r = JSON.parse(line) as Record<
        'requests' | 'durationUs' | 'bytes' | 'p50Us' | 'p99Us' | 'maxUs' | 'non2xx',
        number
      > & { socketErrors: number };
      const seconds = r.durationUs / 1e6;
      resolve({
        requestsPerSecond: r.requests / seconds,
        bytesPerSecond: r.bytes / seconds,
        latencyP50Ms: r.p50Us / 1000,
        latencyP99Ms: r.p99Us / 1000,
        latencyMaxMs: r.maxUs / 1000,
        requests: r.requests,
        non2xx: r.non2xx,
        socketErrors: r.socketErrors,
      });
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}
