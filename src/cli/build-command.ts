import { resolve } from 'node:path';
import { createContext } from '../context.ts';
import { type BuildReport, buildStaticSite } from '../static-export/build-static-site.ts';
import { closePagefind } from '../static-export/pagefind-index.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { progress } from './progress.ts';
import { UsageError } from './user-error.ts';

export const buildCommand: Command = {
  usage: `Usage: dossier build --out <dir>

Writes every public page in English and Korean, listing pages, feeds, sitemaps, robots.txt,
public PDFs and images, citation downloads and the fingerprinted assets into <dir>, with a
Pagefind index for the search page. Links are absolute to PUBLIC_URL, so set it to the address
the files will be served from.

Run it again into the same folder to update it: only files whose bytes changed are rewritten,
and files of pages that are no longer public (a withdrawn piece) are deleted. A folder that is
not empty and holds no earlier export is refused.

  --out <dir>   the folder to write (created if missing)`,
  async run(args) {
    const { values } = parseOptions(args, { out: { type: 'string' } });
    if (!values.out) throw new UsageError('Say where to write the site: dossier build --out <dir>');
    const ctx = await createContext(commandConfig('existing'));
    // The total grows as the crawl finds links, so the bar is of the URLs known so far.
    const bar = progress(process.stderr, 'building');
    try {
      let report: BuildReport;
      try {
        report = await buildStaticSite(ctx, resolve(values.out), {
          onProgress: (done, total, path) => bar.update({ done, total, unit: 'files', item: path }),
        });
      } finally {
        bar.finish();
      }
      process.stdout.write(describeBuild(report));
      if (report.failed.length > 0) {
        const shown = report.failed.slice(0, 5).join('; ');
        throw new BuildIncompleteError(
          `${report.failed.length} public URLs failed and are missing from the export: ${shown}${report.failed.length > 5 ? '; …' : ''}. Run "dossier fixity" to check the store.`,
        );
      }
      return 0;
    } finally {
      await closePagefind();
      await ctx.close();
    }
  },
};

/** The site was written, but some public files could not be read from the store. */
export class BuildIncompleteError extends UsageError {
  override name = 'BuildIncompleteError';
}

export function describeBuild(r: BuildReport): string {
  const lines = [
    `Exported ${r.pages} pages (${r.indexed} indexed for search) in ${r.seconds.toFixed(1)} s: ${r.pagesPerSecond.toFixed(0)} pages per second.`,
    `Files: ${r.written} written, ${r.unchanged} unchanged, ${r.removed} removed.`,
  ];
  const skipped = Object.keys(r.notExported);
  if (skipped.length > 0) {
    lines.push(`Linked but not static (left as links): ${skipped.slice(0, 10).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
