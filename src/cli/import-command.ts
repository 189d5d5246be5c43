import { readFile, stat } from 'node:fs/promises';
import { createContext, type WiredContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import { CsvImportError } from '../features/import/csv-rows.ts';
import {
  type HtmlProfile,
  ProfileError,
  parseHtmlProfile,
} from '../features/import/html-profile.ts';
import { CSV_KINDS, type CsvKind, importCsv } from '../features/import/import-csv.ts';
import { importHtmlSite } from '../features/import/import-html.ts';
import {
  entriesFailure,
  formatEntryTable,
  formatSummary,
  formatWritten,
  ImportInterruptedError,
  type ImportSummary,
} from '../features/import/import-summary.ts';
import { importWxr } from '../features/import/import-wxr.ts';
import {
  DEFAULT_WXR_MAPPING,
  type WxrMapping,
  wxrMappingSchema,
} from '../features/import/wxr-mapping.ts';
import { WxrFormatError } from '../features/import/wxr-reader.ts';
import { databaseFailure } from '../infra/db/database-failure.ts';
import { detectLanguage } from '../infra/pdf/detect-language.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { createJobRunner } from './job-runners.ts';
import { progress as progressOn } from './progress.ts';
import { UsageError } from './user-error.ts';

export const importCommand: Command = {
  usage: `Usage:
  dossier import wxr <file.xml> [--uploads <folder>] [--map <mapping.json>] [--dry-run]
  dossier import html <folder-or-file> --profile <profile.json> [--dry-run] [--overwrite]
  dossier import csv --kind publications|people|places <file.csv> [--dry-run]

Every import can run again: records it made before are updated, never duplicated. A malformed
file is refused with its line (or row and column) and the reason, before anything is written.
--dry-run prints what would happen and writes nothing (for a site: a table of what each entry
becomes). A site's piece edited in Dossier since its import and changed at the source too is
left alone and reported, unless --overwrite is given. A site import fails (exit 1) when nothing
was imported or an entry was skipped. Stored files go through the usual ingest jobs, which this
command runs before it exits (--no-jobs leaves them to the server).`,
  async run(args) {
    const [format, ...rest] = args;
    const { values, positionals } = parseOptions(
      rest,
      {
        uploads: { type: 'string' },
        map: { type: 'string' },
        profile: { type: 'string' },
        kind: { type: 'string' },
        'dry-run': { type: 'boolean' },
        overwrite: { type: 'boolean' },
        'no-jobs': { type: 'boolean' },
      },
      true,
    );
    const [file, ...extra] = positionals;
    if (!format || !['wxr', 'html', 'csv'].includes(format)) {
      throw new UsageError('Say what to import: dossier import wxr|html|csv <file>');
    }
    if (!file) throw new UsageError(`Name the file to import: dossier import ${format} <file>`);
    if (extra.length > 0)
      throw new UsageError(`One file at a time (also given: ${extra.join(' ')})`);
    await mustExist(file);
    const dryRun = values['dry-run'] === true;
    if (values.overwrite === true && format !== 'html') {
      // A WordPress export or a spreadsheet is the authority already: its text always replaces.
      throw new UsageError('--overwrite is for sites (import html) only');
    }

    let mapping: WxrMapping | undefined;
    let profile: HtmlProfile | undefined;
    let kind: CsvKind | undefined;
    if (format === 'wxr') {
      mapping = values.map ? await readJson(values.map, wxrMappingSchema) : DEFAULT_WXR_MAPPING;
    } else if (format === 'html') {
      if (!values.profile) throw new UsageError('Name the profile: --profile <profile.json>');
      profile = await readProfile(values.profile);
    } else {
      if (!values.kind || !(CSV_KINDS as readonly string[]).includes(values.kind)) {
        throw new UsageError(`--kind must be one of ${CSV_KINDS.join(', ')}`);
      }
      kind = values.kind as CsvKind;
    }

    const ctx = await createContext(commandConfig('existing'));
    const progress = progressOn(process.stderr, `importing ${format}`);
    const unit = format === 'csv' ? 'rows' : format === 'html' ? 'entries' : 'items';
    const onProgress = (done: number, total: number) => progress.update({ done, total, unit });
    try {
      let summary: ImportSummary;
      try {
        if (format === 'wxr' && mapping) {
          summary = await importWxr(ctx, {
            file,
            uploads: values.uploads,
            mapping,
            dryRun,
            actor: cliActor(),
            onProgress,
          });
        } else if (format === 'html' && profile) {
          summary = await importHtmlSite(ctx, {
            path: file,
            profile,
            dryRun,
            overwrite: values.overwrite === true,
            detectLanguage,
            actor: cliActor(),
            onProgress,
          });
        } else {
          summary = await importCsv(ctx, {
            file,
            kind: kind ?? 'publications',
            dryRun,
            actor: cliActor(),
            onProgress,
          });
        }
      } catch (error) {
        progress.finish();
        if (error instanceof WxrFormatError) {
          throw new UsageError(
            `${file} is not a valid WordPress export: ${error.message}. Nothing was imported.`,
          );
        }
        if (error instanceof CsvImportError) {
          throw new UsageError(`${file} was refused, nothing was imported:\n${error.message}`);
        }
        if (error instanceof ImportInterruptedError) throw new UsageError(interrupted(error));
        throw error;
      }
      progress.finish();
      if (format === 'html') process.stdout.write(formatEntryTable(summary));
      process.stdout.write(formatSummary(summary));
      if (!dryRun && values['no-jobs'] !== true) await runIngest(ctx);
      const failure = format === 'html' ? entriesFailure(summary) : null;
      if (failure) {
        process.stderr.write(`The import is not complete: ${failure}.\n`);
        return 1;
      }
      return 0;
    } finally {
      await ctx.close();
    }
  },
};

/** Why the import stopped, what it had written by then, and how to finish it. */
function interrupted(error: ImportInterruptedError): string {
  const db = databaseFailure(error.cause);
  const why = db
    ? `the database failed (${db.code}: ${db.message})`
    : error.cause instanceof WxrFormatError
      ? `the file changed while it was being imported (line ${error.cause.line}: ${error.cause.reason})`
      : `${error.cause instanceof Error ? error.cause.message : String(error.cause)}`;
  return [
    `The import stopped part-way: ${why}.`,
    `Written before it stopped: ${formatWritten(error.summary)}.`,
    'Running the same command again completes it: what was written is recognized, not imported twice.',
  ].join('\n');
}

/** Works through the ingest jobs the import queued (PDF text, image copies). */
async function runIngest(ctx: WiredContext): Promise<void> {
  const queued = await ctx.repos.jobs.list({ status: 'queued', limit: 100000 });
  if (queued.length === 0) return;
  process.stdout.write(`Running ${queued.length} ingest job(s)…\n`);
  await createJobRunner(ctx).drain();
}

async function mustExist(path: string): Promise<void> {
  try {
    await stat(path);
  } catch {
    throw new UsageError(`No such file or folder: ${path}`);
  }
}

/** A site profile, or every problem in it by the path of its key. */
async function readProfile(path: string): Promise<HtmlProfile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${path} is not readable JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
  try {
    return parseHtmlProfile(raw);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    throw new UsageError(`${path} was refused:\n${error.problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

async function readJson<T>(
  path: string,
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
  },
): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${path} is not readable JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${path}: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
  }
  return parsed.data;
}
