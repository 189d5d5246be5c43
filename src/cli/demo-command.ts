import { createContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { loadBundledDemo } from './demo/load-demo.ts';

export const demoCommand: Command = {
  usage: `Usage: dossier demo

Loads the demo archive (the Committee for Human Rights in North Korea's listing of articles and
publications) into the configured database. It refuses a database that already holds work.`,
  async run(args) {
    parseOptions(args, {});
    const ctx = await createContext(commandConfig('may-create'));
    try {
      const { publications } = await loadBundledDemo(ctx, cliActor());
      process.stdout.write(`Loaded the demo archive: ${publications} publications.\n`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
