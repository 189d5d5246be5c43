import type { AuditEntry, ChangeListener } from '../../core/change-feed.ts';
import type { IndexSources } from '../../core/index-sources.ts';
import { indexedBodyTexts } from '../../core/markdown/markdown-work.ts';
import type { Clock, Transactor, Tx } from '../../core/ports.ts';
import type { GazetteerSource } from '../../core/search-engine.ts';
import type { MatchExpr, SearchIndex } from '../../core/search-index.ts';
import { analyze } from './analyzer.ts';
import { buildDocument, buildPage } from './index-document.ts';

/** What `reindex --check` found: every difference between the archive and its index. */
export interface DriftReport {
  /** Publications that should be searchable but are not indexed. */
  missing: number[];
  /** Indexed from content that has changed since. */
  stale: number[];
  /** Indexed but no longer published (or deleted). */
  extra: number[];
  /** Pages as `storedFileId:page`. */
  pagesMissing: string[];
  pagesStale: string[];
  pagesExtra: string[];
  /** Rows of the full-text structure that no bookkeeping row accounts for (or the reverse). */
  orphanedRows: number;
  checked: { publications: number; pages: number };
}

export const hasDrift = (r: DriftReport) =>
  r.missing.length +
    r.stale.length +
    r.extra.length +
    r.pagesMissing.length +
    r.pagesStale.length +
    r.pagesExtra.length +
    r.orphanedRows >
  0;

const BATCH = 200;

/**
 * Keeps the index equal to the archive. It listens to the change feed, so it runs inside the
 * transaction that changed the archive: the index row commits or rolls back with the change.
 */
export class SearchIndexer implements ChangeListener {
  constructor(
    private readonly index: SearchIndex,
    private readonly sources: IndexSources,
    private readonly gazetteers: GazetteerSource,
    private readonly clock: Clock,
  ) {}

  async publicationChanged(publicationId: number, tx: Tx): Promise<void> {
    await this.reindexPublications([publicationId], tx);
  }

  /** New page text (extraction finished) changes the file's pages and every publication using it. */
  async storedFileChanged(storedFileId: number, tx: Tx): Promise<void> {
    await this.reindexFile(storedFileId, tx);
    await this.reindexPublications(await this.sources.publicationsAttaching(storedFileId, tx), tx);
  }

  /**
   * A place created or edited (its names, its parent) is announced only by its audit entry, and
   * the entities' use case announces only the publications linked to it. The texts that name
   * the place without linking it, and the work filed at places inside it, are found here.
   */
  async audited(entry: AuditEntry, tx?: Tx): Promise<void> {
    if (entry.subjectType !== 'place' || entry.subjectId === null) return;
    if (entry.action !== 'place.update' && entry.action !== 'place.create') return;
    await this.refreshLinked({ placeId: Number(entry.subjectId) }, tx);
  }

  /**
   * After a person is renamed, a topic retitled or a place's names or parent edited, the
   * publications linked to it carry the old words; for a place, so do those whose text names it
   * (before or after the edit) and those filed at places inside it (indexed under its id).
   */
  async refreshLinked(
    link: { personId: number } | { topicId: number } | { placeId: number },
    tx?: Tx,
  ): Promise<number> {
    let ids: number[];
    if ('placeId' in link) {
      const linked = await this.sources.publicationsLinkedTo({ placeIds: [link.placeId] }, tx);
      const named = await this.index.matchingPublications(
        { kind: 'place', placeIds: [link.placeId] },
        tx,
      );
      // New names may now be recognized in texts that never named the place before.
      const gazetteer = await this.gazetteers.get(tx);
      const place = gazetteer.places.find((p) => p.id === link.placeId);
      const mentioning = place ? await this.publicationsMentioning(place.names, tx) : [];
      ids = [...new Set([...linked, ...named, ...mentioning])];
      for (const fileId of await this.filesMentioning(ids, tx)) await this.reindexFile(fileId, tx);
    } else {
      ids = await this.sources.publicationsLinkedTo(link, tx);
    }
    await this.reindexPublications(ids, tx);
    return ids.length;
  }

  /**
   * Re-indexes publications (removing those that are no longer published). With `writePages`,
   * also writes the pages of their PDFs not yet in that set, and adds them to it.
   */
  async reindexPublications(
    ids: readonly number[],
    tx?: Tx,
    writePages?: Set<number>,
  ): Promise<void> {
    if (ids.length === 0) return;
    const gazetteer = await this.gazetteers.get(tx);
    const at = this.clock.now().toISOString();
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const candidates = new Set(await this.sources.candidatesAmong(batch, tx));
      for (const id of batch) if (!candidates.has(id)) await this.index.deleteDocument(id, tx);
      const terms = new Set<string>();
      for (const source of await this.sources.publications([...candidates], tx)) {
        const doc = buildDocument(source, gazetteer, await indexedBodyTexts(source.body));
        if (writePages) {
          for (const f of source.pdfFiles) {
            if (writePages.has(f.storedFileId)) continue;
            writePages.add(f.storedFileId);
            const pages = doc.pages.filter((p) => p.storedFileId === f.storedFileId);
            await this.index.writePages(f.storedFileId, pages, tx);
          }
        }
        await this.index.writeDocument(doc, at, tx);
        for (const t of doc.terms) terms.add(t);
      }
      await this.index.addTerms(terms, tx);
    }
  }

  async reindexFile(storedFileId: number, tx?: Tx): Promise<void> {
    const gazetteer = await this.gazetteers.get(tx);
    const pages = await this.sources.pageTexts(storedFileId, tx);
    await this.index.writePages(
      storedFileId,
      pages.map((p) => buildPage(storedFileId, p.page, p.text, gazetteer)),
      tx,
    );
  }

  /**
   * Rebuilds everything in batches of one transaction each, replacing entries in place: readers
   * keep a complete (if partly old) index throughout, and writers are never locked out for long.
   */
  async rebuild(
    transactor: Transactor,
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<{ publications: number; files: number }> {
    const ids = await this.sources.candidateIds();
    const files = await this.sources.filesWithPages();
    const total = ids.length + files.length;
    // Outside any transaction, so that every batch's transaction finds it cached.
    await this.gazetteers.get();
    // Publications first, writing their PDFs' pages from the same analysis; then the files no
    // published piece attaches (yet), so that their pages are ready when one is published.
    const written = new Set<number>();
    for (let i = 0; i < ids.length; i += BATCH) {
      await transactor.transaction((tx) =>
        this.reindexPublications(ids.slice(i, i + BATCH), tx, written),
      );
      onProgress(Math.min(i + BATCH, ids.length), total);
    }
    const rest = files.filter((f) => !written.has(f));
    for (let i = 0; i < rest.length; i += BATCH) {
      await transactor.transaction(async (tx) => {
        for (const f of rest.slice(i, i + BATCH)) await this.reindexFile(f, tx);
      });
      onProgress(ids.length + written.size + Math.min(i + BATCH, rest.length), total);
    }
    await transactor.transaction(async (tx) => {
      const keep = new Set(ids);
      for (const id of (await this.index.indexedDocuments(tx)).keys()) {
        if (!keep.has(id)) await this.index.deleteDocument(id, tx);
      }
      const keepFiles = new Set(files);
      const indexedFiles = new Set(
        [...(await this.index.indexedPages(tx)).keys()].map((k) => Number(k.split(':')[0])),
      );
      for (const f of indexedFiles) if (!keepFiles.has(f)) await this.index.writePages(f, [], tx);
    });
    return { publications: ids.length, files: files.length };
  }

  /** Recomputes what the index should hold and compares it with what it holds. */
  async check(): Promise<DriftReport> {
    const gazetteer = await this.gazetteers.get();
    const indexed = await this.index.indexedDocuments();
    const ids = await this.sources.candidateIds();
    const report: DriftReport = {
      missing: [],
      stale: [],
      extra: [],
      pagesMissing: [],
      pagesStale: [],
      pagesExtra: [],
      orphanedRows: 0,
      checked: { publications: ids.length, pages: 0 },
    };
    const expected = new Set(ids);
    for (const id of indexed.keys()) if (!expected.has(id)) report.extra.push(id);
    for (let i = 0; i < ids.length; i += BATCH) {
      for (const source of await this.sources.publications(ids.slice(i, i + BATCH))) {
        const have = indexed.get(source.id);
        if (have === undefined) report.missing.push(source.id);
        else {
          const doc = buildDocument(source, gazetteer, await indexedBodyTexts(source.body));
          if (have !== doc.hash) report.stale.push(source.id);
        }
      }
    }
    const pages = await this.index.indexedPages();
    const seen = new Set<string>();
    for (const fileId of await this.sources.filesWithPages()) {
      for (const p of await this.sources.pageTexts(fileId)) {
        const key = `${fileId}:${p.page}`;
        seen.add(key);
        report.checked.pages++;
        const have = pages.get(key);
        if (have === undefined) report.pagesMissing.push(key);
        else if (have !== buildPage(fileId, p.page, p.text, gazetteer).hash) {
          report.pagesStale.push(key);
        }
      }
    }
    for (const key of pages.keys()) if (!seen.has(key)) report.pagesExtra.push(key);
    const rows = await this.index.fullTextRowCounts();
    report.orphanedRows =
      Math.abs(rows.documents - indexed.size) +
      Math.abs(rows.heads - indexed.size) +
      Math.abs(rows.pages - pages.size);
    return report;
  }

  private async publicationsMentioning(names: readonly string[], tx?: Tx): Promise<number[]> {
    const phrases: MatchExpr[] = names
      .map((n) => analyze(n).map((t) => t.text))
      .filter((tokens) => tokens.length > 0)
      .map((tokens) => ({ kind: 'phrase', tokens, prefixLast: false }));
    if (phrases.length === 0) return [];
    return this.index.matchingPublications({ kind: 'or', children: phrases }, tx);
  }

  private async filesMentioning(publicationIds: readonly number[], tx?: Tx): Promise<number[]> {
    const files = new Set<number>();
    for (const id of publicationIds) {
      for (const f of await this.sources.filesOf(id, tx)) files.add(f);
    }
    return [...files];
  }
}
