import { buildCommand } from './build-command.ts';
import type { Command } from './command.ts';
import { demoCommand } from './demo-command.ts';
import { exportCommand } from './export-command.ts';
import { fixityCommand } from './fixity-command.ts';
import { importCommand } from './import-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { jobsCommand } from './jobs-command.ts';
import { migrateCommand } from './migrate-command.ts';
import { reindexCommand } from './reindex-command.ts';
import { restoreCommand } from './restore-command.ts';
import { serveCommand, startCommand } from './serve-command.ts';
import { userCommand } from './user-command.ts';

export const commands: Record<string, Command> = {
  serve: serveCommand,
  start: startCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  user: userCommand,
  ingest: ingestCommand,
  jobs: jobsCommand,
  fixity: fixityCommand,
  reindex: reindexCommand,
  import: importCommand,
  build: buildCommand,
  export: exportCommand,
  restore: restoreCommand,
};
