import { parentPort } from 'node:worker_threads';
import { bodyTexts } from './body-texts.ts';
import { renderMarkdown } from './markdown.ts';
import type { MarkdownReply, MarkdownRequest } from './markdown-protocol.ts';

// Runs the same functions as the main thread, so that a body gives the same page and the same
// indexed text wherever it was rendered.
parentPort?.on('message', (request: MarkdownRequest) => {
  let reply: MarkdownReply;
  try {
    reply =
      request.kind === 'html'
        ? { id: request.id, ok: true, html: renderMarkdown(request.source) }
        : { id: request.id, ok: true, ...bodyTexts(request.source) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
