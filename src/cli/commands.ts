import type { Command } from './command.ts';

/** A command's one-line summary, and its module, loaded only when the command runs. */
export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

/**
 * Every `dossier` command. Modules load on demand: a server should not hold the importers', the
 * exporters' and the PDF writer's libraries in memory for the life of the process.
 */
export const commands: Record<string, CommandEntry> = {
  serve: {
    summary: 'Serve the archive over HTTP (never loads the demo)',
    load: async () => (await import('./serve-command.ts')).serveCommand,
  },
  start: {
    summary: 'What "npm start" runs: serve, loading the demo first if the database is empty',
    load: async () => (await import('./serve-command.ts')).startCommand,
  },
  migrate: {
    summary: 'Apply pending database migrations',
    load: async () => (await import('./migrate-command.ts')).migrateCommand,
  },
  demo: {
    summary: 'Load the demo archive into an empty database',
    load: async () => (await import('./demo-command.ts')).demoCommand,
  },
  user: {
    summary: 'Add a staff account, or give one a new set-up link',
    load: async () => (await import('./user-command.ts')).userCommand,
  },
  ingest: {
    summary: 'Attach files to a publication and extract them, waiting until every file has ended',
    load: async () => (await import('./ingest-command.ts')).ingestCommand,
  },
  jobs: {
    summary: 'List background jobs, retry a failed one, or run the ready ones',
    load: async () => (await import('./jobs-command.ts')).jobsCommand,
  },
  fixity: {
    summary: 'Re-hash every stored file and report any that is missing or changed',
    load: async () => (await import('./fixity-command.ts')).fixityCommand,
  },
  verify: {
    summary: 'Check every stored file and every proof of what was published when, offline',
    load: async () => (await import('./verify-command.ts')).verifyCommand,
  },
  reindex: {
    summary: 'Rebuild the search index, or check it against the archive',
    load: async () => (await import('./reindex-command.ts')).reindexCommand,
  },
  import: {
    summary: 'Import a WordPress export, a saved HTML site or a spreadsheet',
    load: async () => (await import('./import-command.ts')).importCommand,
  },
  build: {
    summary: 'Write the public site as static files, for any static host or CDN',
    load: async () => (await import('./build-command.ts')).buildCommand,
  },
  export: {
    summary: 'Write a full backup archive, or the published work as CSV or Markdown',
    load: async () => (await import('./export-command.ts')).exportCommand,
  },
  restore: {
    summary: 'Load a backup archive into a new, empty instance',
    load: async () => (await import('./restore-command.ts')).restoreCommand,
  },
};
