import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { UnreadablePdfError } from '../../core/errors.ts';
import type { PdfExtraction, PdfTools, StrippedPdf } from '../../core/pdf-ports.ts';
import { detectLanguage } from './detect-language.ts';
import { limitedCommand } from './limited-command.ts';
import { crashReason, failureSentence, isMemoryFailure } from './pdf-failures.ts';
import { FIRST_PART_PAGES, partRanges } from './pdf-parts.ts';
import type { WorkerReady, WorkerReply, WorkerRequest } from './pdf-worker-protocol.ts';
import type { PdfPart } from './read-pdf.ts';

export interface PdfSandboxOptions {
  /** Child processes working at once; defaults to the number of cores. */
  workers?: number;
  /** The operating-system memory limit of each child (writable memory, in bytes). */
  memoryBytes?: number;
  /** Wall-clock time one file may take before its child is killed. */
  timeoutMs?: number;
  /** The most text one PDF may yield; more is refused rather than sent to the database. */
  maxTextChars?: number;
  /** An idle child exits after this long, giving its memory back. */
  idleMs?: number;
  /**
   * A child is replaced after this many reads (a long PDF is read in several parts), so that no
   * heap grows for ever. Memory is watched after every read as well; the count is a backstop,
   * kept high because a fresh child reads at half speed until V8 has compiled pdf.js's hot paths.
   */
  recycleAfter?: number;
}

export const DEFAULT_PDF_LIMITS = {
  memoryBytes: 1024 * 1024 * 1024,
  timeoutMs: 120_000,
  maxTextChars: 20_000_000,
};

const ENTRY = fileURLToPath(new URL('./pdf-worker-entry.js', import.meta.url));
const STARTUP_MS = 60_000;

type Request = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

interface Task {
  request: Request;
  resolve(reply: WorkerReply & { ok: true }): void;
  reject(error: unknown): void;
}

interface Slot {
  child: ChildProcess | null;
  ready: Promise<ChildProcess> | null;
  busy: boolean;
  served: number;
  stderr: string;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * Reads untrusted PDFs in a pool of child processes, one file per child at a time. Each child
 * runs under an operating-system memory limit and each file under a wall-clock limit; a child
 * that breaks either is killed and replaced, and the file's promise rejects with an
 * UnreadablePdfError whose message an editor can read. The parent never parses a PDF itself, so
 * no file can take the server down with it.
 */
export class PdfSandbox implements PdfTools {
  readonly workers: number;
  readonly memoryBytes: number;
  readonly timeoutMs: number;
  readonly maxTextChars: number;
  private readonly idleMs: number;
  private readonly recycleAfter: number;
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;
  private limitedByOs: boolean | null = null;
  /** The largest resident size any child reached, for benchmarks and capacity planning. */
  peakChildRssBytes = 0;
  spawned = 0;

  constructor(options: PdfSandboxOptions = {}) {
    this.workers = Math.max(1, options.workers ?? availableParallelism());
    this.memoryBytes = options.memoryBytes ?? DEFAULT_PDF_LIMITS.memoryBytes;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PDF_LIMITS.timeoutMs;
    this.maxTextChars = options.maxTextChars ?? DEFAULT_PDF_LIMITS.maxTextChars;
    this.idleMs = options.idleMs ?? 30_000;
    this.recycleAfter = options.recycleAfter ?? 2_000;
    this.slots = Array.from({ length: this.workers }, () => ({
      child: null,
      ready: null,
      busy: false,
      served: 0,
      stderr: '',
      idleTimer: null,
    }));
  }

  /** The process ids of the live children (the wrapper's pid is the child's: prlimit execs). */
  childPids(): number[] {
    return this.slots.flatMap((s) => (s.child?.pid ? [s.child.pid] : []));
  }

  /** Whether the children run under prlimit (false where util-linux is missing). */
  get osMemoryLimit(): boolean | null {
    return this.limitedByOs;
  }

  /**
   * Reads a PDF. A long one is read in parts: its first pages (with the metadata and thumbnail)
   * tell the page count, then the rest is split among the children, so that one book does not
   * leave the other cores idle. Each part is a separate file read under the same limits.
   */
  async extract(
    bytes: Uint8Array,
    options: { thumbnailWidth?: number | null } = {},
  ): Promise<PdfExtraction> {
    const thumbnailWidth = options.thumbnailWidth === undefined ? 320 : options.thumbnailWidth;
    const head = await this.extractPart(bytes, thumbnailWidth, { from: 1, to: FIRST_PART_PAGES });
    if (!head.metadata) throw new Error('The PDF sandbox answered without metadata');
    const { firstPage: _, ...whole } = head;
    if (head.pageCount <= FIRST_PART_PAGES) return { ...whole, metadata: head.metadata };
    const tails = await Promise.all(
      partRanges(FIRST_PART_PAGES + 1, head.pageCount, this.workers).map((range) =>
        this.extractPart(bytes, null, range),
      ),
    );
    const pages = [...head.pages, ...tails.flatMap((t) => t.pages)];
    const chars = pages.reduce((sum, page) => sum + page.length, 0);
    if (chars > this.maxTextChars) {
      const detail = `The PDF holds more than ${this.maxTextChars.toLocaleString('en')} characters of text`;
      throw new UnreadablePdfError(failureSentence(this, 'too-much-text', detail), 'too-much-text');
    }
    const metadata = { ...head.metadata, detectedLanguage: detectLanguage(pages.join('\n')) };
    return { ...whole, pages, metadata };
  }

  private async extractPart(
    bytes: Uint8Array,
    thumbnailWidth: number | null,
    pages: { from: number; to: number },
  ): Promise<PdfPart> {
    const reply = await this.run({
      op: 'extract',
      bytes,
      thumbnailWidth,
      maxTextChars: this.maxTextChars,
      pages,
    });
    if (reply.op !== 'extract') throw new Error('The PDF sandbox answered the wrong request');
    return reply.result;
  }

  async stripMetadata(
    bytes: Uint8Array,
    options: { keepTitle?: boolean } = {},
  ): Promise<StrippedPdf> {
    const reply = await this.run({
      op: 'strip-metadata',
      bytes,
      keepTitle: options.keepTitle ?? true,
    });
    if (reply.op !== 'strip-metadata')
      throw new Error('The PDF sandbox answered the wrong request');
    return reply.result;
  }

  /** Starts the children now, so that their start-up overlaps the caller's own work. */
  warm(): void {
    for (const slot of this.closed ? [] : this.slots) {
      if (slot.busy || slot.child) continue;
      // Started idle, a child exits after the idle time as usual; one that cannot start says
      // so again, with its reason, when a file needs it.
      this.ensureChild(slot).then(() => slot.busy || slot.idleTimer || this.idle(slot), noop);
    }
  }

  /** Kills every child and refuses further work. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) {
      task.reject(new Error('The PDF sandbox was closed'));
    }
    await Promise.all(this.slots.map((slot) => this.retire(slot, 'SIGKILL')));
  }

  private run(request: Request): Promise<WorkerReply & { ok: true }> {
    if (this.closed) return Promise.reject(new Error('The PDF sandbox is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const task = this.queue.shift()!;
      void this.dispatch(slot, task);
    }
  }

  private async dispatch(slot: Slot, task: Task): Promise<void> {
    slot.busy = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    try {
      let outcome = await this.attempt(slot, task.request);
      // The memory limit is per process, and V8 keeps what it once took; a file that ran out
      // of memory in a child that had read others first gets one more try in a fresh child, so
      // that its outcome does not depend on what came before it.
      if (!outcome.fresh && isMemoryFailure(outcome.result)) {
        await this.retire(slot, 'SIGKILL');
        outcome = await this.attempt(slot, task.request);
      }
      const reply = outcome.result;
      if (reply instanceof Error) throw reply;
      slot.served++;
      this.peakChildRssBytes = Math.max(this.peakChildRssBytes, reply.maxRssBytes);
      // A child still holding much memory after a big file is replaced by a fresh one, which
      // starts small; one that gave it back is kept, since starting a child costs far more.
      if (slot.served >= this.recycleAfter || reply.rssBytes > this.memoryBytes * 0.75) {
        void this.retire(slot, 'SIGTERM');
      }
      if (reply.ok) task.resolve(reply);
      else {
        task.reject(
          new UnreadablePdfError(failureSentence(this, reply.reason, reply.detail), reply.reason),
        );
      }
    } catch (error) {
      task.reject(error);
    } finally {
      slot.busy = false;
      if (this.queue.length > 0) this.pump();
      else this.idle(slot);
    }
  }

  /** One exchange with the slot's child, starting one if needed; failures come back as values. */
  private async attempt(
    slot: Slot,
    request: Request,
  ): Promise<{ fresh: boolean; result: WorkerReply | Error }> {
    const child = await this.ensureChild(slot);
    const fresh = slot.served === 0;
    holdOpen(child, true);
    try {
      return { fresh, result: await this.exchange(slot, child, request) };
    } catch (error) {
      return { fresh, result: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  private idle(slot: Slot): void {
    if (!slot.child) return;
    // An idle child must not keep a command-line process alive, nor its memory for long.
    holdOpen(slot.child, false);
    slot.idleTimer = setTimeout(() => void this.retire(slot, 'SIGTERM'), this.idleMs);
    slot.idleTimer.unref();
  }

  private ensureChild(slot: Slot): Promise<ChildProcess> {
    if (slot.child && slot.ready) return slot.ready;
    const heapMb = Math.max(64, Math.floor((this.memoryBytes * 0.75) / (1024 * 1024)));
    const { command, args, limited } = limitedCommand(
      [process.execPath, `--max-old-space-size=${heapMb}`, ENTRY],
      this.memoryBytes,
    );
    if (this.limitedByOs === null && !limited) {
      console.warn(
        'dossier: prlimit (util-linux) was not found; PDF sandboxes are limited only by the V8 heap size.',
      );
    }
    this.limitedByOs = limited;
    const child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    this.spawned++;
    slot.child = child;
    slot.served = 0;
    slot.stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      slot.stderr = (slot.stderr + chunk).slice(-4000);
    });
    child.on('exit', () => {
      if (slot.child === child) {
        slot.child = null;
        slot.ready = null;
      }
    });
    slot.ready = new Promise<ChildProcess>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        child.kill('SIGKILL');
        reject(new Error(`The PDF sandbox did not start within ${STARTUP_MS / 1000} s`));
      }, STARTUP_MS);
      const onMessage = (message: WorkerReady) => {
        if (!message?.ready) return;
        cleanup();
        resolve(child);
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        reject(
          new Error(
            `The PDF sandbox could not start (exit ${code ?? signal}): ${slot.stderr.trim().slice(-500)}`,
          ),
        );
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        child.off('error', onError);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.once('error', onError);
    });
    // The first failure to start must not linger as an unhandled rejection elsewhere.
    slot.ready.catch(() => {
      if (slot.child === child) {
        slot.child = null;
        slot.ready = null;
      }
    });
    return slot.ready;
  }

  private exchange(slot: Slot, child: ChildProcess, request: Request): Promise<WorkerReply> {
    const id = ++this.nextId;
    slot.stderr = '';
    return new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        slot.child = null;
        slot.ready = null;
        child.kill('SIGKILL');
        reject(new UnreadablePdfError(failureSentence(this, 'timeout', ''), 'timeout'));
      }, this.timeoutMs);
      const onMessage = (message: WorkerReply) => {
        if (message?.id !== id) return;
        cleanup();
        resolve(message);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        const reason = crashReason(signal, slot.stderr);
        const detail = signal ? `signal ${signal}` : `exit code ${code}`;
        reject(new UnreadablePdfError(failureSentence(this, reason, detail), reason));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ ...request, id } as WorkerRequest, (error) => {
        if (error) {
          cleanup();
          child.kill('SIGKILL');
          reject(error);
        }
      });
    });
  }

  private async retire(slot: Slot, signal: NodeJS.Signals): Promise<void> {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    const child = slot.child;
    slot.child = null;
    slot.ready = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // An idle child is unreferenced; waiting for its exit must keep the process alive.
    holdOpen(child, true);
    child.kill(signal);
    await exited;
  }
}

/** Refs or unrefs everything of a child that keeps the event loop alive. */
function holdOpen(child: ChildProcess, hold: boolean): void {
  const handles = [child, child.channel, child.stderr] as Array<
    { ref?: () => void; unref?: () => void } | null | undefined
  >;
  for (const h of handles) {
    if (hold) h?.ref?.();
    else h?.unref?.();
  }
}

function noop(): void {}
