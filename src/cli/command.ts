import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './user-error.ts';

export interface Command {
  usage: string;
  /** Resolves with the exit code; serving commands resolve once the server listens. */
  run(args: string[]): Promise<number>;
}

/** node:util's parseArgs, with its errors turned into usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
