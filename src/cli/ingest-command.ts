import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createContext, type WiredContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import type { AttachmentRole } from '../core/content-types.ts';
import { payloadOf } from '../core/jobs.ts';
import { attachFile, IMAGE_VARIANTS_JOB } from '../features/publishing/files/attach-file.ts';
import { findPublicationByRef } from '../features/publishing/find-publication.ts';
import { FILE_JOB_KINDS } from '../features/publishing/jobs/job-handlers.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { createJobRunner } from './job-runners.ts';
import { progress as progressOn } from './progress.ts';
import { describeUserError, UsageError } from './user-error.ts';

const ROLES: readonly AttachmentRole[] = ['main-pdf', 'supplement', 'image', 'cover'];

interface Tracked {
  path: string;
  storedFileId: number;
  mediaType: string;
}

interface Outcome {
  path: string;
  ok: boolean;
  detail: string;
}

export const ingestCommand: Command = {
  usage: `Usage: dossier ingest <file…> --publication <slug> [--role main-pdf|supplement]

Attaches each file to the publication (its slug, or section/slug when two sections use the same
slug), then runs the extraction jobs itself: PDF text, metadata and thumbnails, resized image
copies. Shows a progress bar on stderr on a terminal, and otherwise a line per file on stdout
and a count on stderr. Exits 1 when any file failed, with one line per failure. The role defaults to supplement (images: image).`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { publication: { type: 'string' }, role: { type: 'string' } },
      true,
    );
    if (!values.publication) throw new UsageError('Name the publication: --publication <slug>');
    if (positionals.length === 0) throw new UsageError('Name at least one file to ingest');
    const role = values.role as AttachmentRole | undefined;
    if (role !== undefined && !ROLES.includes(role)) {
      throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    }
    const ctx = await createContext(commandConfig('existing'));
    try {
      return await ingest(ctx, values.publication, positionals, role);
    } finally {
      await ctx.close();
    }
  },
};

async function ingest(
  ctx: WiredContext,
  ref: string,
  paths: string[],
  role: AttachmentRole | undefined,
): Promise<number> {
  const publication = await findPublicationByRef(ctx, ref);
  const outcomes: Outcome[] = [];
  const tracked: Tracked[] = [];
  const progress = progressOn(process.stderr, 'ingesting');
  // The item says what is happening now, so that a long PDF is not a silent wait on a terminal.
  const show = (item?: string) =>
    progress.update({ done: outcomes.length, total: paths.length, unit: 'files', item });
  const report = (o: Outcome) => {
    outcomes.push(o);
    if (!process.stderr.isTTY) {
      process.stdout.write(`${o.ok ? 'done  ' : 'failed'} ${o.path}: ${o.detail}\n`);
    }
    show(`${basename(o.path)}${failedNote(outcomes)}`);
  };
  show();

  // Extraction runs while the files are being stored: the sandbox's children start now, and
  // each file's jobs start as soon as it is stored rather than after the last one.
  if (paths.some((path) => /\.pdf$/i.test(path))) ctx.pdf.warm();
  const jobEnds = endedFiles();
  const runner = createJobRunner(ctx, {
    kinds: FILE_JOB_KINDS,
    pollMs: 250,
    // Twice as many jobs as children, so that a child has its next file at hand while the job
    // it finished writes its rows.
    concurrency: ctx.pdf.workers * 2,
    onEvent: (event) => {
      if (event.type === 'started') return;
      jobEnds.notify(
        event.job ? payloadOf<{ storedFileId?: number }>(event.job).storedFileId : null,
      );
    },
  });
  runner.start();
  const started = Date.now();
  try {
    for (const path of paths) {
      const stored = await store(ctx, publication.id, path, role, show);
      if ('failure' in stored) report(stored.failure);
      else tracked.push(stored);
      runner.wake();
    }
    let pending = tracked;
    // The files whose jobs ended since the last look; null: look at every one still pending.
    let ended: Set<number> | null = null;
    while (pending.length > 0) {
      const still: Tracked[] = [];
      for (const t of pending) {
        const outcome = ended?.has(t.storedFileId) === false ? null : await outcomeOf(ctx, t);
        if (outcome) report(outcome);
        else still.push(t);
      }
      pending = still;
      if (pending.length > 0) {
        const first = pending[0]!;
        const doing = first.mediaType === 'application/pdf' ? 'extracting' : 'processing';
        const seconds = Math.round((Date.now() - started) / 1000);
        show(`${basename(first.path)} (${doing}, ${seconds} s)`);
        // A job's end is the moment to look again; the wait bounds how stale the progress gets.
        ended = await jobEnds.next(1_000);
      }
    }
  } finally {
    await runner.stop();
  }
  progress.finish();

  const failures = outcomes.filter((o) => !o.ok);
  process.stdout.write(
    `Ingested ${outcomes.length - failures.length} of ${paths.length} file(s) into ${publication.slug}.\n`,
  );
  for (const f of failures) process.stderr.write(`failed: ${f.path}: ${f.detail}\n`);
  return failures.length > 0 ? 1 : 0;
}

/** Stores one file and attaches it, which queues its jobs. */
async function store(
  ctx: WiredContext,
  publicationId: number,
  path: string,
  role: AttachmentRole | undefined,
  show: (item?: string) => void,
): Promise<Tracked | { failure: Outcome }> {
  try {
    show(`${basename(path)} (storing)`);
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError('not a file');
    const isImage = /\.(jpe?g|png|webp|avif)$/i.test(path);
    const { file } = await attachFile(
      ctx,
      {
        publicationId,
        source: createReadStream(path),
        fileName: basename(path),
        role: role ?? (isImage ? 'image' : 'supplement'),
      },
      cliActor(),
    );
    return { path, storedFileId: file.id, mediaType: file.mediaType };
  } catch (error) {
    return { failure: { path, ok: false, detail: reasonOf(error) } };
  }
}

/**
 * Which files' jobs ended, for the waiting loop: it wakes when one does, and looks at those
 * files alone rather than asking about every pending file each time. `next` gives null when it
 * waited the whole time (or a job named no file): then every pending file is looked at.
 */
function endedFiles(): {
  notify(storedFileId: number | null | undefined): void;
  next(ms: number): Promise<Set<number> | null>;
} {
  let ended: Set<number> | null = new Set();
  let wake: (() => void) | null = null;
  const take = () => {
    const taken = ended;
    ended = new Set();
    return taken;
  };
  return {
    notify(storedFileId) {
      if (typeof storedFileId !== 'number') ended = null;
      else ended?.add(storedFileId);
      wake?.();
    },
    next(ms) {
      if (ended === null || ended.size > 0) return Promise.resolve(take());
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          take();
          resolve(null);
        }, ms);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          resolve(take());
        };
      });
    },
  };
}

/** Null while the file's jobs are still going. */
async function outcomeOf(ctx: WiredContext, t: Tracked): Promise<Outcome | null> {
  const file = await ctx.repos.files.findStoredFile(t.storedFileId);
  if (!file) return { path: t.path, ok: false, detail: 'the stored file vanished' };
  if (file.mediaType === 'application/pdf') {
    if (file.extractionStatus === 'done') {
      const metadata = file.metadata as {
        detectedLanguage?: string;
        recognizedText?: { state?: string; pages?: unknown[]; unread?: number };
      } | null;
      // Scanned pages are read by a job of their own, after the text layer: wait for it too.
      const scans = metadata?.recognizedText;
      if (scans?.state === 'queued') return null;
      const language = metadata?.detectedLanguage;
      const recognized = scans
        ? `, ${scans.pages?.length ?? 0} scanned page(s) read${scans.unread ? `, ${scans.unread} unread` : ''}`
        : '';
      return {
        path: t.path,
        ok: true,
        detail: `${file.pageCount} page(s)${language ? `, ${language}` : ''}${recognized}`,
      };
    }
    if (file.extractionStatus === 'failed') {
      return { path: t.path, ok: false, detail: file.extractionError ?? 'extraction failed' };
    }
    return null;
  }
  if (file.mediaType.startsWith('image/')) {
    const variants = await ctx.repos.files.derivativesOf(file.id);
    if (variants.length > 0) {
      return { path: t.path, ok: true, detail: `${variants.length} resized copies` };
    }
    const jobs = await ctx.repos.jobs.list({ kind: IMAGE_VARIANTS_JOB, limit: 1000 });
    const job = jobs.find((j) => JSON.parse(j.payload).storedFileId === file.id);
    if (job?.status === 'failed') {
      return { path: t.path, ok: false, detail: job.lastError ?? 'resizing failed' };
    }
    if (!job || job.status === 'done') return { path: t.path, ok: true, detail: 'stored' };
    return null;
  }
  return { path: t.path, ok: true, detail: 'stored' };
}

function failedNote(outcomes: Outcome[]): string {
  const failed = outcomes.filter((o) => !o.ok).length;
  return failed > 0 ? ` (${failed} failed)` : '';
}

function reasonOf(error: unknown): string {
  return describeUserError(error) ?? (error instanceof Error ? error.message : String(error));
}
