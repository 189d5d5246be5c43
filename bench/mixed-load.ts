/**
 * Mixed traffic for the soak, in a process of its own: `node --import tsx bench/mixed-load.ts
 * <config.json>` with { url, paths, seconds, connections, rate? }. Each request takes a random
 * path from the list. Prints one JSON line with throughput, latency and errors.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  url: string;
  paths: string[];
  seconds: number;
  connections: number;
  rate?: number;
};
const paths = config.paths;
const result = await autocannon({
  url: config.url,
  connections: config.connections,
  duration: config.seconds,
  ...(config.rate ? { overallRate: config.rate } : {}),
  requests: [
    {
      setupRequest: (req: { path?: string }) => {
        req.path = paths[Math.floor(Math.random() * paths.length)]!;
        return req;
      },
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    latencyMax: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  })}\n`,
);
