/** What an import did, kind by kind, and what it left out and why. */
export type ImportOutcome = 'created' | 'updated' | 'unchanged';

export interface ImportSummary {
  source: string;
  dryRun: boolean;
  counts: Record<string, Record<ImportOutcome, number>>;
  skipped: Array<{ reason: string; count: number; examples: string[] }>;
  /** Records imported with a needs-attention note, by reason, every one of them named. */
  needsAttention: Array<{ reason: string; items: string[] }>;
  /** Entry by entry, for imports that read entries (a saved site): what each became. */
  entries: EntryReport[];
}

/** What one entry of a source became, or why it did not. */
export interface EntryReport {
  outcome: ImportOutcome | 'conflict' | 'skipped';
  /** Why it was skipped or is in conflict; null otherwise. */
  reason: string | null;
  title: string;
  /** As stored: `2021-03-12`, `2020-10` for a month, `2019` for a year; null for none. */
  date: string | null;
  /** "Name (author)", "Name (author, with)"… */
  authors: string[];
  language: string;
  type: string;
  files: string[];
  /** The source key, so an entry can be found again. */
  key: string;
}

export class SummaryBuilder {
  private readonly counts: Record<string, Record<ImportOutcome, number>> = {};
  private readonly skips = new Map<string, { count: number; examples: string[] }>();
  private readonly attentions = new Map<string, string[]>();
  private readonly entryReports: EntryReport[] = [];

  constructor(
    readonly source: string,
    readonly dryRun: boolean,
  ) {}

  count(kind: string, outcome: ImportOutcome): void {
    const row = this.counts[kind] ?? { created: 0, updated: 0, unchanged: 0 };
    row[outcome]++;
    this.counts[kind] = row;
  }

  skip(what: string, reason: string): void {
    const entry = this.skips.get(reason) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 5) entry.examples.push(what);
    this.skips.set(reason, entry);
  }

  /** A record imported (or, in a dry run, to be imported) that an editor must look at. */
  attention(what: string, reason: string): void {
    const items = this.attentions.get(reason) ?? [];
    items.push(what);
    this.attentions.set(reason, items);
  }

  /**
   * One entry's outcome; a skipped entry is also counted among the skipped, with its reason (a
   * conflict was counted there by the session that found it).
   */
  entry(report: EntryReport): void {
    this.entryReports.push(report);
    if (report.outcome === 'skipped') {
      this.skip(report.title, report.reason ?? report.outcome);
    }
  }

  get(kind: string, outcome: ImportOutcome): number {
    return this.counts[kind]?.[outcome] ?? 0;
  }

  build(): ImportSummary {
    return {
      source: this.source,
      dryRun: this.dryRun,
      counts: structuredClone(this.counts),
      skipped: [...this.skips].map(([reason, e]) => ({ reason, ...e })),
      needsAttention: [...this.attentions].map(([reason, items]) => ({
        reason,
        items: [...items],
      })),
      entries: this.entryReports.map((e) => ({
        ...e,
        authors: [...e.authors],
        files: [...e.files],
      })),
    };
  }
}

/**
 * Why a run of entries did not succeed, or null: nothing was imported (no entry found, or none
 * of them came in), or an entry was skipped or left alone for a reason. Unchanged entries are a
 * success: the archive already holds them as the source says.
 */
export function entriesFailure(summary: ImportSummary): string | null {
  const entries = summary.entries;
  if (entries.length === 0) return 'no entries were found: check the profile’s lists and pages';
  const kept = entries.filter((e) => e.outcome !== 'skipped' && e.outcome !== 'conflict');
  if (kept.length === 0) return `none of the ${entries.length} entries was imported`;
  const left = entries.length - kept.length;
  return left > 0 ? `${left} of ${entries.length} entries were not imported` : null;
}

const OUTCOME_WORDS: Record<EntryReport['outcome'], [string, string]> = {
  created: ['created', 'to create'],
  updated: ['updated', 'to update'],
  unchanged: ['unchanged', 'unchanged'],
  conflict: ['conflict', 'conflict'],
  skipped: ['skipped', 'to skip'],
};

/**
 * The entries as a table: what each becomes (title, date, authors with their roles, language,
 * files), so that a profile can be tuned before anything is written.
 */
export function formatEntryTable(summary: ImportSummary): string {
  const head = ['outcome', 'title', 'date', 'authors', 'lang', 'type', 'files'];
  const rows = summary.entries.map((e) => [
    OUTCOME_WORDS[e.outcome][summary.dryRun ? 1 : 0],
    clip(e.title, 48),
    e.date ?? '—',
    clip(e.authors.join('; ') || '—', 56),
    e.language,
    e.type,
    clip(e.files.join(', ') || '—', 40),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => columns(r[i] ?? ''))));
  const pad = (c: string, width: number) => c + ' '.repeat(Math.max(0, width - columns(c)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`.trimEnd();
  const out = [line(head), line(widths.map((w) => '-'.repeat(w)))];
  for (const r of rows) out.push(line(r));
  for (const e of summary.entries) {
    if (e.reason) out.push(`  ${OUTCOME_WORDS[e.outcome][0]}: ${e.title}: ${e.reason}`);
  }
  return `${out.join('\n')}\n`;
}

/** Terminal columns: Hangul and other wide scripts take two. */
function columns(text: string): number {
  const wide = text.match(
    /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  );
  return text.length + (wide?.length ?? 0);
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s*\|\s*/g, ' / ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The summary as lines for the terminal. */
export function formatSummary(summary: ImportSummary): string {
  const lines = [summary.dryRun ? 'Dry run: nothing was written. It would have:' : 'Imported:'];
  const verb = (past: string, would: string) => (summary.dryRun ? would : past);
  for (const [kind, c] of Object.entries(summary.counts)) {
    lines.push(
      `  ${kind}: ${c.created} ${verb('created', 'to create')}, ${c.updated} ${verb('updated', 'to update')}, ${c.unchanged} unchanged`,
    );
  }
  const skipped = summary.skipped.reduce((n, s) => n + s.count, 0);
  lines.push(`  skipped: ${skipped}`);
  for (const s of summary.skipped) {
    lines.push(`    ${s.count} × ${s.reason} (e.g. ${s.examples.join('; ')})`);
  }
  for (const a of summary.needsAttention) {
    lines.push(`  needs attention: ${a.items.length} ${a.reason}:`);
    for (const item of a.items) lines.push(`    ${item}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * An import that stopped part-way (the database failed, the file changed between its two
 * readings): the cause, and the summary of what had been written before it.
 */
export class ImportInterruptedError extends Error {
  override name = 'ImportInterruptedError';
  constructor(
    readonly summary: ImportSummary,
    cause: unknown,
  ) {
    super(`The import stopped part-way: ${cause instanceof Error ? cause.message : cause}`, {
      cause,
    });
  }
}

/** What a run wrote, in words: "49 publications created, 3 people created", or "nothing". */
export function formatWritten(summary: ImportSummary): string {
  if (summary.dryRun) return 'nothing (a dry run)';
  const parts: string[] = [];
  for (const [kind, c] of Object.entries(summary.counts)) {
    if (c.created > 0) parts.push(`${c.created} ${kind} created`);
    if (c.updated > 0) parts.push(`${c.updated} ${kind} updated`);
  }
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}
