import { type ServerType, serve } from '@hono/node-server';
import { createApp } from '../app.tsx';
import { loadConfig } from '../config.ts';
import { type AppContext, createContext } from '../context.ts';
import { isArchiveEmpty, loadBundledDemo } from '../demo/load-demo.ts';
import { startBackgroundJobs } from '../jobs/job-runners.ts';
import { cliActor } from '../services/actor.ts';
import { type Command, parseOptions } from './command.ts';

const SERVE_OPTIONS = { port: { type: 'string' } } as const;

export const serveCommand: Command = {
  summary: 'Serve the archive over HTTP (never loads the demo)',
  usage: `Usage: dossier serve [--port N]

Migrates the database, then serves the archive at PUBLIC_URL on PORT (default 3000).
Configuration: PORT, DATA_DIR, DATABASE_URL, PUBLIC_URL.`,
  async run(args) {
    const { values } = parseOptions(args, SERVE_OPTIONS);
    const ctx = await createContext(withPort(values.port));
    await listen(ctx);
    return 0;
  },
};

export const startCommand: Command = {
  summary: 'What "npm start" runs: serve, loading the demo first if the database is empty',
  usage: `Usage: dossier start [--port N]

Like "dossier serve", but an empty database first receives the demo archive. A database that
holds anything (a section, a publication or a user) is never touched.`,
  async run(args) {
    const { values } = parseOptions(args, SERVE_OPTIONS);
    const ctx = await createContext(withPort(values.port));
    if (await isArchiveEmpty(ctx)) {
      process.stdout.write('The database is empty: loading the demo archive…\n');
      const { publications } = await loadBundledDemo(ctx, cliActor());
      process.stdout.write(`Loaded ${publications} demo publications.\n`);
    }
    await listen(ctx);
    return 0;
  },
};

function withPort(port: string | undefined) {
  return loadConfig(port === undefined ? process.env : { ...process.env, PORT: port });
}

async function listen(ctx: AppContext): Promise<ServerType> {
  const app = createApp(ctx);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: ctx.config.port }, () => resolve(s));
    s.once('error', reject);
  });
  const where =
    ctx.config.database.kind === 'sqlite' ? `SQLite at ${ctx.config.database.path}` : 'PostgreSQL';
  process.stdout.write(
    `Dossier is serving ${ctx.config.publicUrl} on port ${ctx.config.port} (${where}).\n`,
  );
  // Jobs (PDF extraction, image copies, the daily fixity check) run beside HTTP, in this process.
  const jobs = await startBackgroundJobs(ctx);
  const stop = () => {
    server.close(() => {
      void jobs
        .stop()
        .then(() => ctx.close())
        .finally(() => process.exit(0));
    });
    // Keep-alive connections would hold close() open; a second signal or 10 s ends it anyway.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
