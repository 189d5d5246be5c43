import type { AppContext } from '../../../core/app-context.ts';
import { CAPTURE_JOB } from '../../../core/captures.ts';
import { CDN_PURGE_JOB } from '../../../core/cdn.ts';
import type { JobHandlers } from '../../../core/jobs.ts';
import { TIMESTAMP_JOB } from '../../../core/timestamps.ts';
import { captureSourcesHandler } from '../../captures/index.ts';
import { SCENE_PREPARE_JOB, scenePrepareHandler } from '../../imagery/index.ts';
import { cdnPurgeHandler } from './cdn-purge-job.ts';
import { EMPTY_TRASH_JOB, emptyTrashHandler } from './empty-trash-job.ts';
import { FIXITY_JOB, fixityHandler } from './fixity-job.ts';
import { IMAGE_VARIANTS_JOB, imageVariantsHandler } from './image-variants-job.ts';
import { PDF_EXTRACT_JOB, pdfExtractHandler } from './pdf-extract-job.ts';
import { PDF_RECOGNIZE_JOB, pdfRecognizeHandler } from './pdf-recognize-job.ts';
import { PUBLISH_SCHEDULED_JOB, scheduledPublishHandler } from './scheduled-publish-job.ts';
import { timestampHandler } from './timestamp-job.ts';

/** Every kind of job the archive knows, wired to the context's parts. */
export function jobHandlers(
  ctx: AppContext,
  options: { fixityIntervalMs?: number } = {},
): JobHandlers {
  return {
    [PDF_EXTRACT_JOB]: pdfExtractHandler(ctx),
    [PDF_RECOGNIZE_JOB]: pdfRecognizeHandler(ctx),
    [IMAGE_VARIANTS_JOB]: imageVariantsHandler(ctx),
    [FIXITY_JOB]: fixityHandler(ctx, options.fixityIntervalMs),
    [PUBLISH_SCHEDULED_JOB]: scheduledPublishHandler(ctx),
    [EMPTY_TRASH_JOB]: emptyTrashHandler(ctx),
    [SCENE_PREPARE_JOB]: scenePrepareHandler(ctx),
    [CDN_PURGE_JOB]: cdnPurgeHandler(ctx),
    [TIMESTAMP_JOB]: timestampHandler(ctx),
    [CAPTURE_JOB]: captureSourcesHandler(ctx),
  };
}

/** The kinds that turn uploads into derived data: what `dossier ingest` waits for. */
export const FILE_JOB_KINDS = [
  PDF_EXTRACT_JOB,
  PDF_RECOGNIZE_JOB,
  IMAGE_VARIANTS_JOB,
  SCENE_PREPARE_JOB,
] as const;
