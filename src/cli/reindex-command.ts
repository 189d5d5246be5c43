import { createContext } from '../context.ts';
import { type DriftReport, hasDrift } from '../features/search/search-indexer.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { progress } from './progress.ts';

export const reindexCommand: Command = {
  usage: `Usage: dossier reindex [--check]

Rebuilds the search index from the archive: every published publication and every PDF page
with text. Entries are replaced in batches, so searching keeps working while it runs.

  --check   change nothing; compare the index with the archive and list what differs.
            Exits 0 when they agree and 3 when they drift apart.`,
  async run(args) {
    const { values } = parseOptions(args, { check: { type: 'boolean', default: false } });
    const ctx = await createContext(commandConfig('existing'));
    try {
      if (values.check) {
        const report = await ctx.search.indexer.check();
        process.stdout.write(describeDrift(report));
        return hasDrift(report) ? 3 : 0;
      }
      const started = Date.now();
      const bar = progress(process.stderr, 'reindexing');
      let counts: { publications: number; files: number };
      try {
        counts = await ctx.search.indexer.rebuild(ctx.transactor, (done, total) =>
          bar.update({ done, total, unit: 'entries' }),
        );
      } finally {
        bar.finish();
      }
      const { publications, files } = counts;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `Reindexed ${publications} publications and ${files} PDF files in ${seconds} s.\n`,
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};

export function describeDrift(r: DriftReport): string {
  const lines = [
    `Checked ${r.checked.publications} publications and ${r.checked.pages} PDF pages.`,
  ];
  const list = (label: string, items: ReadonlyArray<number | string>) => {
    if (items.length === 0) return;
    const shown = items.slice(0, 20).join(', ');
    lines.push(`${label}: ${items.length} (${shown}${items.length > 20 ? ', …' : ''})`);
  };
  list('Not indexed (publication ids)', r.missing);
  list('Indexed from older content (publication ids)', r.stale);
  list('Indexed but not published (publication ids)', r.extra);
  list('Pages not indexed (file:page)', r.pagesMissing);
  list('Pages indexed from older text (file:page)', r.pagesStale);
  list('Pages indexed that no longer exist (file:page)', r.pagesExtra);
  if (r.orphanedRows > 0) lines.push(`Full-text rows without a record: ${r.orphanedRows}`);
  lines.push(
    hasDrift(r)
      ? 'The index has drifted from the archive. Run "dossier reindex" to rebuild it.'
      : 'The index matches the archive.',
  );
  return `${lines.join('\n')}\n`;
}
