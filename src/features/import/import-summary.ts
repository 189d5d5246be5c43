/** What an import did, kind by kind, and what it left out and why. */
export type ImportOutcome = 'created' | 'updated' | 'unchanged';

export interface ImportSummary {
  source: string;
  dryRun: boolean;
  counts: Record<string, Record<ImportOutcome, number>>;
  skipped: Array<{ reason: string; count: number; examples: string[] }>;
  /** Records imported with a needs-attention note, by reason, every one of them named. */
  needsAttention: Array<{ reason: string; items: string[] }>;
}

export class SummaryBuilder {
  private readonly counts: Record<string, Record<ImportOutcome, number>> = {};
  private readonly skips = new Map<string, { count: number; examples: string[] }>();
  private readonly attentions = new Map<string, string[]>();

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
    };
  }
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
