import { createContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import { checkFixity, recordFixity } from '../features/publishing/files/check-fixity.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { progress } from './progress.ts';

export const fixityCommand: Command = {
  usage: `Usage: dossier fixity

Reads every stored file again and compares its SHA-256 with the hash it is stored under. Prints
one line per missing or changed file and exits 1 if there is any. The result is recorded in the
audit trail. A running server does the same once a day.`,
  async run(args) {
    parseOptions(args, {});
    const ctx = await createContext(commandConfig('existing'));
    try {
      const bar = progress(process.stderr, 'checking');
      let result: Awaited<ReturnType<typeof checkFixity>>;
      try {
        result = await checkFixity(ctx, (done, total) =>
          bar.update({ done, total, unit: 'files' }),
        );
      } finally {
        bar.finish();
      }
      await recordFixity(ctx, result, cliActor());
      for (const p of result.problems) {
        process.stdout.write(`${p.problem}: stored file ${p.storedFileId} (${p.sha256})\n`);
      }
      process.stdout.write(
        `Checked ${result.checked} stored file(s): ${result.ok} intact, ${result.problems.length} with problems.\n`,
      );
      return result.problems.length > 0 ? 1 : 0;
    } finally {
      await ctx.close();
    }
  },
};
