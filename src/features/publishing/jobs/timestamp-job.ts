import { createHash } from 'node:crypto';
import type { AppContext } from '../../../core/app-context.ts';
import { type JobHandler, payloadOf } from '../../../core/jobs.ts';
import type { Tx } from '../../../core/ports.ts';
import type { TimestampPayload } from '../../../core/timestamps.ts';
import { currentPublicRecord } from '../proof/public-record.ts';

/**
 * Stamps a piece's public record as it stands now, when it differs from its last proof. The
 * authority is asked outside any transaction; the proof is written in the transaction that
 * marks the job done, so a failed or refused stamp leaves no row, and the job tries again.
 */
export function timestampHandler(
  ctx: Pick<AppContext, 'repos' | 'clock' | 'timestamps' | 'changes'>,
): JobHandler {
  return {
    async run(job, signal) {
      const { publicationId } = payloadOf<Partial<TimestampPayload>>(job);
      if (!ctx.timestamps || typeof publicationId !== 'number') return undefined;
      const text = await currentPublicRecord(ctx.repos, publicationId, ctx.clock.now());
      if (text === null) return undefined;
      const isLatest = async (tx?: Tx) =>
        (await ctx.repos.proofs.listFor(publicationId, tx)).at(-1)?.record === text;
      if (await isLatest()) return undefined;
      const bytes = Buffer.from(text, 'utf8');
      const stamped = await ctx.timestamps.stamp(bytes, signal);
      return async (tx) => {
        // Another job may have stamped the same record meanwhile.
        if (await isLatest(tx)) return;
        await ctx.repos.proofs.add(
          {
            publicationId,
            record: text,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            reply: Buffer.from(stamped.reply).toString('base64'),
            stampedAt: stamped.genTime,
            createdAt: ctx.clock.now().toISOString(),
          },
          tx,
        );
        // The page's "Versions and proof" block lists the new version.
        await ctx.changes.publicationChanged(publicationId, tx);
      };
    },
  };
}
