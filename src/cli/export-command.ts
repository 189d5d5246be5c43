import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import type { Manifest } from '../core/backup/manifest.ts';
import {
  exportPublicationsCsv,
  exportPublicationsMarkdown,
} from '../features/backup/plain-export.ts';
import { exportArchive } from '../infra/backup/export-archive.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { type Progress, progress } from './progress.ts';
import { publicUrlForLinks } from './public-address.ts';
import { UsageError } from './user-error.ts';

export const exportCommand: Command = {
  usage: `Usage: dossier export <file.tar>
       dossier export --format csv <file.csv>
       dossier export --format markdown <folder>

Without --format, writes one tar archive of everything: every record (drafts, users and the
audit trail included) as JSON lines, every stored file, and a manifest with the SHA-256 of each
part. It reads a consistent snapshot, so the server may keep running. The archive is for the
operator's eyes only: it holds password hashes and TOTP secrets. Restore it with
"dossier restore".

  --format csv        published work only, one row per publication
  --format markdown   published work only, one Markdown file with front matter per
                      publication and its PDFs, in a new or empty folder`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { format: { type: 'string' } }, true);
    if (positionals.length !== 1) throw new UsageError('Name one file or folder to write to.');
    const target = resolve(positionals[0]!);
    const format = values.format ?? 'archive';
    if (!['archive', 'csv', 'markdown'].includes(format)) {
      throw new UsageError(`Unknown format "${format}"; use csv or markdown.`);
    }
    if (!existsSync(dirname(target)))
      throw new UsageError(`There is no folder ${dirname(target)}.`);
    if (format !== 'markdown' && existsSync(target)) {
      throw new UsageError(`${target} already exists; name a new file.`);
    }
    const config = commandConfig('existing');
    const ctx = await createContext(config);
    try {
      const now = ctx.clock.now();
      const plain = { repos: ctx.repos, files: ctx.files, publicUrl: await publicUrlForLinks(ctx) };
      // The published set is read in batches; its size is known only at the end.
      const counter = progress(process.stderr, 'exporting');
      const counted = (done: number) => counter.update({ done, total: null, unit: 'publications' });
      if (format === 'csv') {
        const n = await exportPublicationsCsv(plain, target, now, counted).finally(() =>
          counter.finish(),
        );
        process.stdout.write(`Wrote ${n} published publication(s) to ${target}.\n`);
        return 0;
      }
      if (format === 'markdown') {
        const r = await exportPublicationsMarkdown(plain, target, now, counted).finally(() =>
          counter.finish(),
        );
        process.stdout.write(
          `Wrote ${r.publications} published publication(s) and ${r.pdfs} PDF(s) to ${target}.\n`,
        );
        return 0;
      }
      // One line (or bar) per phase: the tables' rows first, then the stored files.
      let bar: Progress | null = null;
      let phase = '';
      try {
        const manifest = await exportArchive(ctx, target, cliActor(), (p, done, total) => {
          if (p !== phase) {
            bar?.finish();
            bar = progress(process.stderr, 'exporting');
            phase = p;
          }
          bar?.update({ done, total, unit: p });
        });
        (bar as Progress | null)?.finish();
        return summarize(manifest, target);
      } catch (error) {
        (bar as Progress | null)?.finish();
        throw error;
      }
    } finally {
      await ctx.close();
    }
  },
};

function summarize(manifest: Manifest, target: string): number {
  const c = manifest.counts;
  process.stdout.write(
    `Exported ${c.rows} record(s) from ${c.tables} tables and ${c.files} file(s) (${c.fileBytes} bytes) to ${target}.\n`,
  );
  return 0;
}
