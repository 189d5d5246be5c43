import type { Actor } from '../../core/actor.ts';
import type { AppContext } from '../../core/app-context.ts';
import { CAPTURE_JOB, citedLinks } from '../../core/captures.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { SourceCapture } from '../../core/repositories/captures-repository.ts';
import type { CapturePayload } from './capture-sources-job.ts';

/** A cited address and its newest capture, as the editor's Sources panel lists them. */
export interface CitedSource {
  url: string;
  capture: SourceCapture | null;
}

/** What a piece cites now, each with its newest capture (none yet, or captures off). */
export async function citedSources(
  app: Pick<AppContext, 'repos'>,
  publicationId: number,
): Promise<CitedSource[]> {
  const record = await app.repos.publications.findById(publicationId);
  if (!record) return [];
  const urls = citedLinks(record.body, record.externalUrl);
  const latest = await app.repos.captures.latestFor(urls);
  return urls.map((url) => ({ url, capture: latest.get(url) ?? null }));
}

/** An editor asks for every cited source to be captured again (to see what changed or failed). */
export async function requestCaptureAgain(
  app: Pick<AppContext, 'repos' | 'transactor' | 'clock' | 'audit' | 'capturer'>,
  publicationId: number,
  actor: Actor,
): Promise<void> {
  if (!app.capturer) throw new ValidationError('Capturing sources is off in this archive.');
  await app.transactor.transaction(async (tx) => {
    const payload: CapturePayload = { publicationId, again: true };
    await app.repos.jobs.enqueue(
      { kind: CAPTURE_JOB, payload, maxAttempts: 5 },
      app.clock.now().toISOString(),
      tx,
    );
    await app.audit.record(
      actor,
      'capture.request',
      { type: 'publication', id: publicationId },
      null,
      tx,
    );
  });
}

/**
 * Takes a captured copy down: a page that was removed may endanger the people it names. The
 * copy stays in the archive's store (its removal is an operator's decision) but is never shown
 * or served again; the reason is kept, and the act is audited.
 */
export async function takeDownCapture(
  app: Pick<AppContext, 'repos' | 'transactor' | 'clock' | 'audit'>,
  publicationId: number,
  captureId: number,
  reason: string,
  actor: Actor,
): Promise<void> {
  const why = reason.trim();
  if (!why) throw new ValidationError('Say why the copy is taken down, for the record.');
  const capture = await app.repos.captures.find(captureId);
  const cited = await app.repos.captures.citationsOf(publicationId);
  if (!capture || !cited.includes(capture.url)) throw new NotFoundError('No such capture');
  await app.transactor.transaction(async (tx) => {
    await app.repos.captures.takeDown(captureId, why, app.clock.now().toISOString(), tx);
    await app.audit.record(
      actor,
      'capture.take-down',
      { type: 'publication', id: publicationId },
      { captureId, url: capture.url, reason: why },
      tx,
    );
  });
}
