import type { UnreadablePdfReason } from '../../core/errors.ts';
import type { WorkerReply, WorkerRequest } from './pdf-worker-protocol.ts';
import { readPdf, TooMuchTextError } from './read-pdf.ts';

/**
 * The sandbox process: reads or rewrites one PDF at a time for the pool that started it, under
 * the operating system's memory limit the pool set (prlimit). It never touches the database or
 * the file store; bytes come in and results go out over IPC.
 */
const send = (message: unknown) => process.send?.(message);

// The parent is gone (a crash, kill -9): nobody wants the result, so stop at once.
process.on('disconnect', () => process.exit(0));

process.on('message', (request: WorkerRequest) => {
  void handle(request).then(send, (error: unknown) => {
    const failure = classify(error);
    send({
      id: request.id,
      ok: false,
      ...failure,
      ...memory(),
    } satisfies WorkerReply);
  });
});

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.op === 'extract') {
    const result = await readPdf(request.bytes, {
      thumbnailWidth: request.thumbnailWidth,
      maxTextChars: request.maxTextChars,
      pages: request.pages,
    });
    return { id: request.id, ok: true, op: 'extract', result, ...memory() };
  }
  // pdf-lib is loaded on the first rewrite: most children only read, and loading it was a good
  // part of every child's start.
  const { stripPdfMetadata } = await import('./strip-pdf-metadata.ts');
  const result = await stripPdfMetadata(request.bytes, { keepTitle: request.keepTitle });
  return { id: request.id, ok: true, op: 'strip-metadata', result, ...memory() };
}

function classify(error: unknown): {
  reason: Exclude<UnreadablePdfReason, 'timeout' | 'crashed'>;
  detail: string;
} {
  const e = error as { name?: string; message?: string; constructor?: { name?: string } };
  const detail = (e?.message ?? String(error)).slice(0, 300);
  // pdf-lib's errors keep the name "Error"; their class names tell them apart.
  const name = e?.name && e.name !== 'Error' ? e.name : e?.constructor?.name;
  // pdf-lib's EncryptedPDFError reaches us as a plain Error; its message says what it is.
  if (
    name === 'PasswordException' ||
    name === 'EncryptedPDFError' ||
    /^Input document to `PDFDocument.load` is encrypted/.test(detail)
  ) {
    return { reason: 'encrypted', detail };
  }
  if (error instanceof TooMuchTextError) return { reason: 'too-much-text', detail };
  if (error instanceof RangeError && /allocation failed|invalid array length/i.test(detail)) {
    return { reason: 'memory', detail };
  }
  return { reason: 'malformed', detail };
}

function memory(): { rssBytes: number; maxRssBytes: number } {
  return {
    rssBytes: process.memoryUsage.rss(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

send({ ready: true });
