import { Worker } from 'node:worker_threads';
import { ValidationError } from '../errors.ts';
import { bodyTexts } from './body-texts.ts';
import { renderMarkdown } from './markdown.ts';
import type { MarkdownReply, MarkdownRequest, MarkdownTask } from './markdown-protocol.ts';

/**
 * Markdown work off the event loop. Rendering is linear in the size of a body, but a body of
 * two million characters of dense markup is still long work, and a save renders it once and the
 * search index reads it twice: on the event loop, every other reader would wait. Bodies shorter
 * than `INLINE_LIMIT` (nearly every article) are rendered in place, where a worker's round trip
 * would cost more than the work; longer ones go to one worker thread, one at a time, and a page
 * render that runs past its time limit is stopped and refused.
 */
export const INLINE_LIMIT = 32_000;
export const RENDER_LIMIT_MS = 30_000;

type Pending = {
  resolve(reply: MarkdownReply & { ok: true }): void;
  reject(error: Error): void;
};

/** One worker thread and the tasks it owes answers to. */
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

class MarkdownWorker {
  private slot: Slot | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs one task after those already queued; `limitMs` bounds it once it has started. */
  run(task: MarkdownTask, limitMs: number | null): Promise<MarkdownReply & { ok: true }> {
    const turn = this.queue.then(() => this.send(task, limitMs));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private send(task: MarkdownTask, limitMs: number | null): Promise<MarkdownReply & { ok: true }> {
    const slot = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer =
        limitMs === null
          ? null
          : setTimeout(() => {
              slot.pending.delete(id);
              this.stop(slot);
              reject(new RenderTimeout(limitMs));
            }, limitMs);
      const done = () => {
        if (timer) clearTimeout(timer);
        if (slot.pending.size === 0) slot.worker.unref();
      };
      slot.pending.set(id, {
        resolve: (reply) => {
          done();
          resolve(reply);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
      // Held while work is in flight, so that a command waiting for it does not exit.
      slot.worker.ref();
      slot.worker.postMessage({ ...task, id } satisfies MarkdownRequest);
    });
  }

  private start(): Slot {
    if (this.slot) return this.slot;
    const worker = new Worker(new URL('./markdown-worker-entry.js', import.meta.url));
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: MarkdownReply) => {
      const waiting = slot.pending.get(reply.id);
      if (!waiting) return;
      slot.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply);
      else waiting.reject(new Error(reply.message));
    });
    const fail = (error: Error) => {
      if (this.slot === slot) this.slot = null;
      for (const waiting of slot.pending.values()) waiting.reject(error);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The Markdown worker stopped (exit ${code})`)));
    this.slot = slot;
    return slot;
  }

  /** Ends a worker stuck on a task past its limit; the next task starts a fresh one. */
  private stop(slot: Slot): void {
    if (this.slot === slot) this.slot = null;
    void slot.worker.terminate();
  }
}

class RenderTimeout extends Error {
  constructor(readonly limitMs: number) {
    super(`Rendering took longer than ${limitMs / 1000} s`);
  }
}

const shared = new MarkdownWorker();

/**
 * A body's HTML, rendered off the event loop when it is long. A body that takes longer than the
 * limit is refused as a validation error on the body, so that nothing is stored half-made.
 */
export async function renderBody(source: string, limitMs = RENDER_LIMIT_MS): Promise<string> {
  if (source.length < INLINE_LIMIT) return renderMarkdown(source);
  try {
    const reply = await shared.run({ kind: 'html', source }, limitMs);
    return 'html' in reply ? reply.html : '';
  } catch (error) {
    if (!(error instanceof RenderTimeout)) throw error;
    const message = `This text took longer than ${limitMs / 1000} s to turn into a page: split it into parts, or simplify its markup`;
    throw new ValidationError(`body: ${message}`, [{ path: 'body', message }]);
  }
}

/** The running text and the notes of a body as the search index reads them, off the loop when long. */
export async function indexedBodyTexts(source: string): Promise<{ body: string; notes: string }> {
  if (source.length < INLINE_LIMIT) return bodyTexts(source);
  const reply = await shared.run({ kind: 'texts', source }, null);
  return 'body' in reply ? { body: reply.body, notes: reply.notes } : { body: '', notes: '' };
}
