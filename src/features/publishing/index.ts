/**
 * What other features may use of publishing: saving a publication, attaching its files and
 * moving it through the workflow (the import and the API do what the editor does), and the
 * handlers of its background jobs (the jobs page retries them).
 */
export { addImage, removeImage } from './files/add-image.ts';
export { attachFile, IMAGE_VARIANTS_JOB, PDF_EXTRACT_JOB } from './files/attach-file.ts';
export { FILE_READ_ACTION, readOriginal } from './files/read-original.ts';
export { jobHandlers } from './jobs/job-handlers.ts';
export { createPublication, updatePublication } from './save-publication.ts';
export { changeStatus } from './workflow.ts';
