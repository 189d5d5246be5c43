import type { Command } from './command.ts';
import { demoCommand } from './demo-command.ts';
import { migrateCommand } from './migrate-command.ts';
import { serveCommand, startCommand } from './serve-command.ts';

export const commands: Record<string, Command> = {
  serve: serveCommand,
  start: startCommand,
  migrate: migrateCommand,
  demo: demoCommand,
};
