import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createContext, type WiredContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import type { Config } from '../core/config.ts';
import { createApp } from '../web/app.tsx';
import { withRenderCache } from '../web/render-cache/node-fast-path.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { isArchiveEmpty, loadBundledDemo } from './demo/load-demo.ts';
import { startBackgroundJobs } from './job-runners.ts';
import { runPrimary } from './primary.ts';
import { recordPublicUrl } from './public-address.ts';
import { UsageError } from './user-error.ts';

const SERVE_OPTIONS = {
  port: { type: 'string' },
  workers: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'cache-mb': { type: 'string' },
} as const;

const OPTIONS_HELP = `Options:
  --port N        listen on port N (default PORT, else 3000)
  --workers N     run N server processes on the port (node:cluster); jobs, sessions and
                  scheduled publishing are shared through the database
  --no-cache      do not keep rendered anonymous pages in memory (also DOSSIER_RENDER_CACHE=off)
  --cache-mb N    memory for rendered pages per process (default 64, DOSSIER_RENDER_CACHE_MB)
  DOSSIER_RENDER_CACHE_HEADER=on adds X-Render-Cache: hit|miss, for measuring only: a miss
                  tells any reader that something the page shows was just written`;

interface ServeOptions {
  cache: boolean;
  cacheMb: number;
  /**
   * `X-Render-Cache: hit|miss` on cached pages, for measuring (DOSSIER_RENDER_CACHE_HEADER=on).
   * A miss tells any reader that something the page depends on was just written, drafts
   * included, so it stays off on a public server.
   */
  cacheStateHeader: boolean;
}

export const serveCommand: Command = {
  usage: `Usage: dossier serve [--port N] [--workers N] [--no-cache] [--cache-mb N]

Migrates the database, then serves the archive at PUBLIC_URL on PORT (default 3000).
Configuration: PORT, DATA_DIR, DATABASE_URL, PUBLIC_URL.

${OPTIONS_HELP}`,
  async run(args) {
    const { values } = parseOptions(args, SERVE_OPTIONS);
    return serve(values, async () => {});
  },
};

export const startCommand: Command = {
  usage: `Usage: dossier start [--port N] [--workers N] [--no-cache] [--cache-mb N]

Like "dossier serve", but an empty database first receives the demo archive. A database that
holds anything (a section, a publication or a user) is never touched.

${OPTIONS_HELP}`,
  async run(args) {
    const { values } = parseOptions(args, SERVE_OPTIONS);
    return serve(values, async (ctx) => {
      if (await isArchiveEmpty(ctx)) {
        process.stdout.write('The database is empty: loading the demo archive…\n');
        const { publications } = await loadBundledDemo(ctx, cliActor());
        process.stdout.write(`Loaded ${publications} demo publications.\n`);
      }
    });
  },
};

async function serve(
  values: { port?: string; workers?: string; 'no-cache'?: boolean; 'cache-mb'?: string },
  prepare: (ctx: WiredContext) => Promise<void>,
): Promise<number> {
  const config = withPort(values.port);
  const workers = positive('--workers', values.workers ?? '1');
  const options: ServeOptions = {
    cache: !values['no-cache'] && process.env.DOSSIER_RENDER_CACHE !== 'off',
    cacheMb: positive(
      '--cache-mb',
      values['cache-mb'] ?? process.env.DOSSIER_RENDER_CACHE_MB ?? '64',
    ),
    cacheStateHeader: process.env.DOSSIER_RENDER_CACHE_HEADER === 'on',
  };
  if (cluster.isPrimary && workers > 1) {
    // Migrate (and load the demo) once, before any worker starts.
    const ctx = await createContext(config);
    await prepare(ctx);
    await recordPublicUrl(ctx);
    await ctx.close();
    await runPrimary(workers, (line) => {
      process.stdout.write(`${line}\n`);
      announce(config);
    });
    return 0;
  }
  const ctx = await createContext(config, {
    migrate: !cluster.isWorker,
    renderCache: options.cache
      ? { maxBytes: options.cacheMb * 1024 * 1024, stateHeader: options.cacheStateHeader }
      : undefined,
  });
  if (!cluster.isWorker) {
    await prepare(ctx);
    await recordPublicUrl(ctx);
  }
  await listen(ctx);
  return 0;
}

function positive(name: string, raw: string): number {
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw) || n < 1 || n > 1024) {
    throw new UsageError(`${name} must be a whole number from 1 to 1024`);
  }
  return n;
}

function withPort(port: string | undefined) {
  return commandConfig(
    'may-create',
    port === undefined ? process.env : { ...process.env, PORT: port },
  );
}

function announce(config: Config): void {
  const where =
    config.database.kind === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
  process.stdout.write(
    `Dossier is serving ${config.publicUrl} on port ${config.port} (${where}).\n`,
  );
}

async function listen(ctx: WiredContext) {
  const app = createApp(ctx);
  // Cached pages are answered in the node listener itself; everything else goes to Hono.
  const server = createServer(
    withRenderCache(ctx.renderCache, getRequestListener(app.fetch), ctx.tileGate),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ctx.config.port, () => resolve());
  });
  if (!cluster.isWorker) announce(ctx.config);
  // Jobs (PDF extraction, image copies, the daily fixity check) run beside HTTP, in this process.
  const jobs = await startBackgroundJobs(ctx);
  // Loading the facet columns reads a row per publication, long on a large archive: load them soon,
  // not in the first reader's search, and not while the first pages are served.
  setTimeout(() => {
    ctx.search.facetColumns.load().catch((error) => console.error('dossier: search facets', error));
  }, 2_000).unref();
  const stop = () => {
    server.close(() => {
      void jobs
        .stop()
        .then(() => ctx.close())
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    // Keep-alive connections would hold close() open; a second signal or 10 s ends it anyway.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
