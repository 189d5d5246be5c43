import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createContext, type WiredContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import type { AttachmentRole } from '../core/content-types.ts';
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

  for (const path of paths) {
    try {
      show(`${basename(path)} (storing)`);
      const info = await stat(path);
      if (!info.isFile()) throw new UsageError('not a file');
      const isImage = /\.(jpe?g|png|webp|avif)$/i.test(path);
      const { file } = await attachFile(
        ctx,
        {
          publicationId: publication.id,
          source: createReadStream(path),
          fileName: basename(path),
          role: role ?? (isImage ? 'image' : 'supplement'),
        },
        cliActor(),
      );
      tracked.push({ path, storedFileId: file.id, mediaType: file.mediaType });
    } catch (error) {
      report({ path, ok: false, detail: reasonOf(error) });
    }
  }

  const runner = createJobRunner(ctx, { kinds: FILE_JOB_KINDS, pollMs: 250 });
  runner.start();
  const started = Date.now();
  try {
    let pending = tracked;
    while (pending.length > 0) {
      const still: Tracked[] = [];
      for (const t of pending) {
        const outcome = await outcomeOf(ctx, t);
        if (outcome) report(outcome);
        else still.push(t);
      }
      pending = still;
      if (pending.length > 0) {
        const first = pending[0]!;
        const doing = first.mediaType === 'application/pdf' ? 'extracting' : 'processing';
        const seconds = Math.round((Date.now() - started) / 1000);
        show(`${basename(first.path)} (${doing}, ${seconds} s)`);
        await delay(200);
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

/** Null while the file's jobs are still going. */
async function outcomeOf(ctx: WiredContext, t: Tracked): Promise<Outcome | null> {
  const file = await ctx.repos.files.findStoredFile(t.storedFileId);
  if (!file) return { path: t.path, ok: false, detail: 'the stored file vanished' };
  if (file.mediaType === 'application/pdf') {
    if (file.extractionStatus === 'done') {
      const language = (file.metadata as { detectedLanguage?: string } | null)?.detectedLanguage;
      return {
        path: t.path,
        ok: true,
        detail: `${file.pageCount} page(s)${language ? `, ${language}` : ''}`,
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
