import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import { rebuildMissingTiles } from '../features/imagery/index.ts';
import { restoreArchive } from '../infra/backup/restore-archive.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { UsageError } from './user-error.ts';

const PHASES = {
  verifying: 'Verifying every checksum…',
  loading: 'Loading records and files…',
  indexing: 'Rebuilding the search index…',
} as const;

export const restoreCommand: Command = {
  usage: `Usage: dossier restore <file.tar>

Loads an archive written by "dossier export" into the database named by DATABASE_URL (SQLite or
PostgreSQL, whichever made the archive) and the file store under DATA_DIR. Every checksum is
verified first; a damaged or truncated archive is refused before anything is written. The
database must be empty: restore before the first "dossier serve". The search index is rebuilt
afterwards; everyone signs in again.`,
  async run(args) {
    const { positionals } = parseOptions(args, {}, true);
    if (positionals.length !== 1) throw new UsageError('Name the archive to restore.');
    const file = resolve(positionals[0]!);
    await access(file).catch(() => {
      throw new UsageError(`There is no archive at ${file}.`);
    });
    const ctx = await createContext(commandConfig('may-create'));
    try {
      // Phases are shown on a terminal only, so that a log or a script sees one line per outcome.
      const r = await restoreArchive(ctx, file, cliActor(), (phase) => {
        if (process.stderr.isTTY) process.stderr.write(`${PHASES[phase]}\n`);
      });
      // Tiles are made again from the restored originals by the server's job runner.
      const scenes = await rebuildMissingTiles(ctx);
      process.stdout.write(
        `Restored ${r.rows} record(s) and ${r.files} file(s) from an export of ${r.manifest.createdAt} (schema ${r.manifest.schemaVersion}); indexed ${r.indexed.publications} publication(s)${scenes > 0 ? `; ${scenes} scene(s) wait for their tiles` : ''}.\n`,
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
