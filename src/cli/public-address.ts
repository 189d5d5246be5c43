import type { AppContext } from '../core/app-context.ts';

/** Where a server records the public address it runs with, for the commands run beside it. */
const SERVER_SETTING = 'server';

interface RecordedServer {
  publicUrl: string;
  recordedAt: string;
}

/** Called by `serve` and `start`: the address every link of the site is made from. */
export async function recordPublicUrl(ctx: AppContext): Promise<void> {
  const value: RecordedServer = {
    publicUrl: ctx.config.publicUrl,
    recordedAt: ctx.clock.now().toISOString(),
  };
  await ctx.repos.settings.set(SERVER_SETTING, value, value.recordedAt);
}

/**
 * The address a command's printed links start with (set-up links, exports): PUBLIC_URL when the
 * command's own environment gives it, else the one the server recorded, so that a link printed
 * on the server's machine points at the running site and not at localhost.
 */
export async function publicUrlForLinks(
  ctx: AppContext,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (env.PUBLIC_URL) return ctx.config.publicUrl;
  const recorded = await ctx.repos.settings.get<RecordedServer>(SERVER_SETTING);
  return recorded?.publicUrl ?? ctx.config.publicUrl;
}
