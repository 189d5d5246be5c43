import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import { type CaptureResult, citedLinks, type SourceCapturer } from '../../core/captures.ts';
import type { ChangeFeed } from '../../core/change-feed.ts';
import { type JobHandler, payloadOf } from '../../core/jobs.ts';
import type { Clock, FileStore, StoredBlob } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';

export interface CaptureSourcesDeps {
  repos: Pick<Repositories, 'publications' | 'captures' | 'files'>;
  changes: ChangeFeed;
  files: FileStore;
  clock: Clock;
  audit: AuditTrail;
  capturer?: SourceCapturer | null;
}

export interface CapturePayload {
  publicationId: number;
  /** An editor asked: capture every cited source again, not only the new ones. */
  again?: boolean;
}

/** The audit trail's name for the fetcher: who captured each source. */
const CAPTURER: Actor = { userId: null, label: 'source capture', ip: null, mayPublish: false };

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * Captures what a piece cites that has no capture yet (or everything, when an editor asks
 * again), one source at a time. The fetching happens before the transaction; the WARCs land in
 * the store first, then the rows, the piece's list of citations and an audit entry per capture
 * (the address, the body's hash and the WARC's: the chain of custody of each copy) commit
 * together with the job.
 */
export function captureSourcesHandler(deps: CaptureSourcesDeps): JobHandler {
  return {
    async run(job) {
      const { publicationId, again } = payloadOf<CapturePayload>(job);
      const record = await deps.repos.publications.findById(publicationId);
      if (!record) return async () => {};
      const urls = citedLinks(record.body, record.externalUrl);
      const latest = await deps.repos.captures.latestFor(urls);
      const todo = deps.capturer ? urls.filter((url) => again || !latest.has(url)) : [];
      const captured: Array<{ url: string; result: CaptureResult; blob: StoredBlob | null }> = [];
      for (const url of todo) {
        const result = await deps.capturer!.capture(url);
        const blob = result.warc
          ? await deps.files.put(once(result.warc), { webArchive: true, stripImageMetadata: false })
          : null;
        captured.push({ url, result, blob });
      }
      return async (tx) => {
        const at = deps.clock.now().toISOString();
        await deps.repos.captures.replaceCitations(publicationId, urls, tx);
        for (const { url, result, blob } of captured) {
          const stored = blob ? await deps.repos.files.ensureStoredFile(blob, at, tx) : null;
          await deps.repos.captures.add(
            {
              url,
              finalUrl: result.finalUrl,
              state: result.state,
              httpStatus: result.httpStatus,
              contentType: result.contentType,
              storedFileId: stored?.id ?? null,
              bodySha256: result.bodySha256,
              bodyBytes: result.bodyBytes,
              text: result.text,
              reason: result.reason,
              capturedAt: at,
            },
            tx,
          );
          await deps.audit.record(
            CAPTURER,
            'capture.create',
            { type: 'publication', id: publicationId },
            {
              url,
              state: result.state,
              finalUrl: result.finalUrl,
              bodySha256: result.bodySha256,
              warcSha256: blob?.sha256 ?? null,
              reason: result.reason,
            },
            tx,
          );
        }
        // A new copy changes the piece's published record (its captures' hashes): announced, so
        // that a public piece gets a new timestamped version.
        if (captured.length > 0) await deps.changes.publicationChanged(publicationId, tx);
      };
    },
  };
}
