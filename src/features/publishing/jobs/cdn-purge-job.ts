import type { AppContext } from '../../../core/app-context.ts';
import type { CdnPurgePayload } from '../../../core/cdn.ts';
import { type JobHandler, payloadOf } from '../../../core/jobs.ts';

/**
 * Sends a queued purge to the CDN. A failed send throws, and the job runner tries again later;
 * without a CDN configured (it was removed since the job was queued) there is nothing to do.
 */
export function cdnPurgeHandler(ctx: Pick<AppContext, 'cdn'>): JobHandler {
  return {
    async run(job, signal) {
      const { keys } = payloadOf<Partial<CdnPurgePayload>>(job);
      if (!ctx.cdn || !Array.isArray(keys) || keys.length === 0) return undefined;
      await ctx.cdn.purge(keys, signal);
      return undefined;
    },
  };
}
