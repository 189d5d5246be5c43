import type { Command } from './command.ts';
import { demoCommand } from './demo-command.ts';
import { fixityCommand } from './fixity-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { jobsCommand } from './jobs-command.ts';
import { migrateCommand } from './migrate-command.ts';
import { reindexCommand } from './reindex-command.ts';
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
};
