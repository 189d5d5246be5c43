import { availableParallelism } from 'node:os';
import type { AppContext } from '../../context.ts';
import {
  EMPTY_TRASH_JOB,
  emptyTrashHandler,
  scheduleTrashEmptying,
} from '../../features/publishing/jobs/empty-trash-job.ts';
import {
  FIXITY_INTERVAL_MS,
  FIXITY_JOB,
  fixityHandler,
  scheduleFixity,
} from '../../features/publishing/jobs/fixity-job.ts';
import {
  IMAGE_VARIANTS_JOB,
  imageVariantsHandler,
} from '../../features/publishing/jobs/image-variants-job.ts';
import {
  PDF_EXTRACT_JOB,
  pdfExtractHandler,
} from '../../features/publishing/jobs/pdf-extract-job.ts';
import {
  PUBLISH_SCHEDULED_JOB,
  scheduledPublishHandler,
} from '../../features/publishing/jobs/scheduled-publish-job.ts';
import type { JobHandlers } from './job-handler.ts';
import { JobRunner, type JobRunnerOptions } from './job-runner.ts';

/** Every kind of job the archive knows, wired to the context's parts. */
export function jobHandlers(
  ctx: AppContext,
  options: { fixityIntervalMs?: number } = {},
): JobHandlers {
  return {
    [PDF_EXTRACT_JOB]: pdfExtractHandler({ ...ctx, pdf: ctx.pdf }),
    [IMAGE_VARIANTS_JOB]: imageVariantsHandler(ctx),
    [FIXITY_JOB]: fixityHandler(ctx, options.fixityIntervalMs),
    [PUBLISH_SCHEDULED_JOB]: scheduledPublishHandler(ctx),
    [EMPTY_TRASH_JOB]: emptyTrashHandler(ctx),
  };
}

/** The kinds that turn uploads into derived data: what `dossier ingest` waits for. */
export const FILE_JOB_KINDS = [PDF_EXTRACT_JOB, IMAGE_VARIANTS_JOB] as const;

/** A runner over the context, as many jobs at once as the PDF sandbox has processes. */
export function createJobRunner(ctx: AppContext, options: JobRunnerOptions = {}): JobRunner {
  return new JobRunner(ctx, jobHandlers(ctx), {
    concurrency: ctx.pdf.workers ?? availableParallelism(),
    ...options,
  });
}

/**
 * What a server runs beside HTTP: every job kind, and a fixity check kept on the schedule.
 * Returns the function that stops it (waiting for running jobs to settle).
 */
export async function startBackgroundJobs(
  ctx: AppContext,
  options: JobRunnerOptions = {},
): Promise<{ runner: JobRunner; stop(): Promise<void> }> {
  await scheduleFixity(ctx, FIXITY_INTERVAL_MS);
  await scheduleTrashEmptying(ctx);
  const runner = createJobRunner(ctx, {
    onEvent: (event) => {
      if (event.type === 'failed') {
        console.warn(`dossier: job ${event.job.id} (${event.job.kind}) failed: ${event.reason}`);
      } else if (event.type === 'error') {
        console.error('dossier: the job runner hit an error', event.error);
      }
    },
    ...options,
  });
  runner.start();
  // A server that is asked to stop gives running jobs a few seconds, then closes the PDF
  // sandbox under them; those jobs go back to the queue for the next start.
  return { runner, stop: () => runner.stop({ graceMs: 3_000, interrupt: () => ctx.pdf.close() }) };
}
