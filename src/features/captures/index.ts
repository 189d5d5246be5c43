export { captureQueue } from './capture-queue.ts';
export { type CapturePayload, captureSourcesHandler } from './capture-sources-job.ts';
export { type CitedSource, citedSources, requestCaptureAgain, takeDownCapture } from './sources.ts';
export { SourcesPanel } from './sources-panel.tsx';
