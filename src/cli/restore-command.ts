import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import { rebuildMissingTiles } from '../features/imagery/index.ts';
import { type RestorePhase, restoreArchive } from '../infra/backup/restore-archive.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { type Progress, progress } from './progress.ts';
import { UsageError } from './user-error.ts';

/** What each phase counts: the archive's parts, then the search index's entries. */
const UNITS = { verifying: 'parts', loading: 'parts', indexing: 'entries' } as const;

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
      // One bar (or a few plain lines) per phase, on stderr: stdout keeps the one-line result.
      let bar: Progress | null = null;
      let current: RestorePhase | null = null;
      let r: Awaited<ReturnType<typeof restoreArchive>>;
      try {
        r = await restoreArchive(ctx, file, cliActor(), (phase, done, total) => {
          if (phase !== current) {
            bar?.finish();
            bar = progress(process.stderr, phase);
            current = phase;
          }
          if (done !== undefined) bar?.update({ done, total: total ?? null, unit: UNITS[phase] });
        });
      } finally {
        (bar as Progress | null)?.finish();
      }
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
