import { availableParallelism } from 'node:os';
import type { WiredContext } from '../context.ts';
import { rebuildMissingTiles } from '../features/imagery/index.ts';
import { scheduleTrashEmptying } from '../features/publishing/jobs/empty-trash-job.ts';
import { FIXITY_INTERVAL_MS, scheduleFixity } from '../features/publishing/jobs/fixity-job.ts';
import { jobHandlers } from '../features/publishing/jobs/job-handlers.ts';
import { JobRunner, type JobRunnerOptions } from '../infra/jobs/job-runner.ts';

/** A runner over the context, as many jobs at once as the PDF sandbox has processes. */
export function createJobRunner(ctx: WiredContext, options: JobRunnerOptions = {}): JobRunner {
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
  ctx: WiredContext,
  options: JobRunnerOptions = {},
): Promise<{ runner: JobRunner; stop(): Promise<void> }> {
  await scheduleFixity(ctx, FIXITY_INTERVAL_MS);
  await scheduleTrashEmptying(ctx);
  // Scene tiles live beside the file store: a copied database or a lost disk may lack them.
  await rebuildMissingTiles(ctx);
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
