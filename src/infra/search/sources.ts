import { sql } from 'kysely';
import type { GazetteerPlace } from '../../core/gazetteer.ts';
import type { IndexSources, PublicationSource } from '../../core/index-sources.ts';
import type { Tx } from '../../core/ports.ts';
import type { HitRow, SearchSources } from '../../core/search-engine.ts';

import { dbOrTx, type Executor } from '../db/executor.ts';
import { FilesRepo } from '../db/repos/files.repo.ts';
import { scenesOfPublications } from './scene-sources.ts';

/**
 * Reads what the index is built from, in bulk: a rebuild of 100,000 publications must not make
 * six queries per publication. Reads run in the caller's transaction, so the indexer sees the
 * write it is reacting to.
 */
export class SqlSearchSources implements SearchSources, IndexSources {
  private readonly files: FilesRepo;

  constructor(private readonly db: Executor) {
    this.files = new FilesRepo(db);
  }

  /**
   * Publications that belong in the index: published and not in the trash. Whether one is
   * visible yet (its date, its embargo) is decided at query time by the visibility rule, so
   * that time passing needs no reindex; a draft or a withdrawn piece is not indexed at all.
   */
  async candidateIds(tx?: Tx): Promise<number[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('publications')
      .select('id')
      .where('status', '=', 'published')
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Which of these publications belong in the index. */
  async candidatesAmong(ids: readonly number[], tx?: Tx): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('publications')
      .select('id')
      .where('id', 'in', [...ids])
      .where('status', '=', 'published')
      .where('deletedAt', 'is', null)
      .execute();
    return rows.map((r) => r.id);
  }

  async publications(ids: readonly number[], tx?: Tx): Promise<PublicationSource[]> {
    if (ids.length === 0) return [];
    const db = dbOrTx(this.db, tx);
    const list = [...ids];
    const [pubs, people, topics, places, pages, scenes] = await Promise.all([
      db
        .selectFrom('publications')
        .select(['id', 'title', 'subtitle', 'summary', 'body', 'bodyHtml'])
        .where('id', 'in', list)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('contributions as c')
        .innerJoin('people as p', 'p.id', 'c.personId')
        .select(['c.publicationId', 'p.id', 'p.name', 'p.nameKo'])
        .where('c.publicationId', 'in', list)
        .orderBy('c.publicationId')
        .orderBy('c.position')
        .execute(),
      db
        .selectFrom('publicationTopics as pt')
        .innerJoin('topics as t', 't.id', 'pt.topicId')
        .select(['pt.publicationId', 't.id', 't.name', 't.nameKo'])
        .where('pt.publicationId', 'in', list)
        .orderBy('pt.publicationId')
        .orderBy('pt.position')
        .execute(),
      db
        .selectFrom('publicationPlaces as pp')
        .innerJoin('placeNames as n', 'n.placeId', 'pp.placeId')
        .select(['pp.publicationId', 'pp.placeId', 'pp.position', 'n.name', 'n.position as np'])
        .where('pp.publicationId', 'in', list)
        .orderBy('pp.publicationId')
        .orderBy('pp.position')
        .orderBy('n.position')
        .execute(),
      db
        .selectFrom('attachments as a')
        .innerJoin('pdfPages as pg', 'pg.storedFileId', 'a.storedFileId')
        .select(['a.publicationId', 'a.storedFileId', 'pg.pageNumber', 'pg.text'])
        .where('a.publicationId', 'in', list)
        .orderBy('a.publicationId')
        .orderBy('a.position')
        .orderBy('pg.pageNumber')
        .execute(),
      scenesOfPublications(db, list),
    ]);
    const group = <T extends { publicationId: number }>(rows: T[]) => {
      const map = new Map<number, T[]>();
      for (const r of rows) {
        const list = map.get(r.publicationId);
        if (list) list.push(r);
        else map.set(r.publicationId, [r]);
      }
      return map;
    };
    const peopleBy = group(people);
    const topicsBy = group(topics);
    const placesBy = group(places);
    const pagesBy = group(pages);
    return pubs.map((p) => ({
      ...p,
      people: (peopleBy.get(p.id) ?? []).map((r) => ({
        id: r.id,
        names: [r.name, r.nameKo].filter((n): n is string => !!n),
      })),
      topics: (topicsBy.get(p.id) ?? []).map((r) => ({
        id: r.id,
        names: [r.name, r.nameKo].filter((n): n is string => !!n),
      })),
      places: mergePlaceNames(placesBy.get(p.id) ?? []),
      pdfFiles: groupFiles(pagesBy.get(p.id) ?? []),
      scenes: scenes.get(p.id) ?? [],
    }));
  }

  /** What a search result shows of each hit, in one query. */
  async hits(ids: readonly number[]): Promise<Map<number, HitRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('publications')
      .innerJoin('sections', 'sections.id', 'publications.sectionId')
      .select([
        'publications.id',
        'sections.slug as sectionSlug',
        'publications.slug',
        'publications.title',
        'publications.subtitle',
        'publications.summary',
        'publications.body',
        'publications.type',
        'publications.language',
        'publications.publishedAt',
        'publications.publishedPrecision',
      ])
      .where('publications.id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  async gazetteer(tx?: Tx): Promise<GazetteerPlace[]> {
    const db = dbOrTx(this.db, tx);
    const [places, names] = await Promise.all([
      db.selectFrom('places').select(['id', 'parentId']).orderBy('id').execute(),
      db
        .selectFrom('placeNames')
        .select(['placeId', 'name'])
        .orderBy('placeId')
        .orderBy('position')
        .execute(),
    ]);
    const byPlace = new Map<number, string[]>();
    for (const n of names) {
      const list = byPlace.get(n.placeId);
      if (list) list.push(n.name);
      else byPlace.set(n.placeId, [n.name]);
    }
    return places.map((p) => ({ id: p.id, parentId: p.parentId, names: byPlace.get(p.id) ?? [] }));
  }

  /**
   * Changes whenever any place or place name is added, removed or edited, so a cached
   * gazetteer can tell it is stale with one small query (place_names rows are replaced on edit).
   */
  async gazetteerFingerprint(tx?: Tx): Promise<string> {
    const { rows } = await sql<{ n: number; m: number | null; u: string | null; p: number }>`
      select (select count(*) from place_names) as n, (select max(id) from place_names) as m,
        (select max(updated_at) from places) as u, (select count(*) from places) as p`.execute(
      dbOrTx(this.db, tx),
    );
    const r = rows[0];
    return r ? `${r.n}:${r.m}:${r.u}:${r.p}` : '';
  }

  async pageTexts(storedFileId: number, tx?: Tx): Promise<Array<{ page: number; text: string }>> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('pdfPages')
      .select(['pageNumber', 'text'])
      .where('storedFileId', '=', storedFileId)
      .orderBy('pageNumber')
      .execute();
    return rows.map((r) => ({ page: r.pageNumber, text: r.text }));
  }

  /** Every page of some stored files, in page order (the PDFs a page of results shows). */
  async pagesOf(
    storedFileIds: readonly number[],
  ): Promise<Map<number, Array<{ page: number; text: string }>>> {
    const out = new Map<number, Array<{ page: number; text: string }>>();
    if (storedFileIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('pdfPages')
      .select(['storedFileId', 'pageNumber', 'text'])
      .where('storedFileId', 'in', [...new Set(storedFileIds)])
      .orderBy('storedFileId')
      .orderBy('pageNumber')
      .execute();
    for (const r of rows) {
      const list = out.get(r.storedFileId) ?? [];
      list.push({ page: r.pageNumber, text: r.text });
      out.set(r.storedFileId, list);
    }
    return out;
  }

  /** Stored files that have page text, for a full rebuild. */
  async filesWithPages(tx?: Tx): Promise<number[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('pdfPages')
      .select('storedFileId')
      .distinct()
      .orderBy('storedFileId')
      .execute();
    return rows.map((r) => r.storedFileId);
  }

  /** The publications whose documents hold this file's pages: the files repository's query. */
  publicationsAttaching(storedFileId: number, tx?: Tx): Promise<number[]> {
    return this.files.publicationsUsing(storedFileId, tx);
  }

  /** Stored files with page text that a publication attaches. */
  async filesOf(publicationId: number, tx?: Tx): Promise<number[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('attachments')
      .select('storedFileId')
      .distinct()
      .where('publicationId', '=', publicationId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('pdfPages')
            .select('pdfPages.storedFileId')
            .whereRef('pdfPages.storedFileId', '=', 'attachments.storedFileId'),
        ),
      )
      .execute();
    return rows.map((r) => r.storedFileId);
  }

  async publicationsLinkedTo(
    link: { personId: number } | { topicId: number } | { placeIds: readonly number[] },
    tx?: Tx,
  ): Promise<number[]> {
    const db = dbOrTx(this.db, tx);
    let rows: Array<{ publicationId: number }>;
    if ('personId' in link) {
      rows = await db
        .selectFrom('contributions')
        .select('publicationId')
        .distinct()
        .where('personId', '=', link.personId)
        .execute();
    } else if ('topicId' in link) {
      rows = await db
        .selectFrom('publicationTopics')
        .select('publicationId')
        .where('topicId', '=', link.topicId)
        .execute();
    } else {
      if (link.placeIds.length === 0) return [];
      const [filed, shown] = await Promise.all([
        db
          .selectFrom('publicationPlaces')
          .select('publicationId')
          .distinct()
          .where('placeId', 'in', [...link.placeIds])
          .execute(),
        // A scene's places count as its publication's, as the index files them.
        db
          .selectFrom('scenePlaces')
          .innerJoin('images', 'images.id', 'scenePlaces.imageId')
          .select('images.publicationId')
          .distinct()
          .where('scenePlaces.placeId', 'in', [...link.placeIds])
          .execute(),
      ]);
      const ids = [...filed, ...shown].map((r) => r.publicationId);
      return [...new Set(ids.filter((id): id is number => id !== null))];
    }
    return rows.map((r) => r.publicationId);
  }
}

function groupFiles(
  rows: Array<{ storedFileId: number; pageNumber: number; text: string }>,
): PublicationSource['pdfFiles'] {
  const out: PublicationSource['pdfFiles'] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    const page = { pageNumber: r.pageNumber, text: r.text };
    if (last && last.storedFileId === r.storedFileId) last.pages.push(page);
    else out.push({ storedFileId: r.storedFileId, pages: [page] });
  }
  return out;
}

function mergePlaceNames(
  rows: Array<{ placeId: number; name: string }>,
): Array<{ id: number; names: string[] }> {
  const out: Array<{ id: number; names: string[] }> = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.id === r.placeId) last.names.push(r.name);
    else out.push({ id: r.placeId, names: [r.name] });
  }
  return out;
}
