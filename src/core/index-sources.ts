import type { GazetteerPlace } from './gazetteer.ts';
import type { Tx } from './ports.ts';

/** The raw material of a publication's index entry, read from the archive. */
export interface PublicationSource {
  id: number;
  title: string;
  subtitle: string | null;
  summary: string | null;
  /** Markdown, with footnote definitions. */
  body: string;
  people: Array<{ id: number; names: string[] }>;
  topics: Array<{ id: number; names: string[] }>;
  places: Array<{ id: number; names: string[] }>;
  /** Its PDFs' page text, in attachment and page order. */
  pdfFiles: Array<{ storedFileId: number; pages: Array<{ pageNumber: number; text: string }> }>;
  /** The rendered body, whose figure markers say which of its images it shows. */
  bodyHtml: string | null;
  /** Its satellite scenes, shown or not: the index keeps only those the public may see. */
  scenes: SceneSource[];
}

/** A satellite scene among a publication's images, with what the index may read of it. */
export interface SceneSource {
  imageId: number;
  /** Whether its tiles are made: until then no page shows it. */
  tiled: boolean;
  /** The capture date, YYYY-MM-DD. */
  takenOn: string | null;
  placeIds: number[];
  /** Alt text, caption and credit in both languages, and its annotations' labels and notes. */
  words: string[];
}

/**
 * The archive as the search indexer reads it, in bulk. Reads take the caller's transaction, so
 * that the indexer sees the write it is reacting to.
 */
export interface IndexSources {
  /**
   * Publications that belong in the index: published and not in the trash. Whether one is
   * visible yet (its date, its embargo) is decided at query time by the visibility rule, so
   * that time passing needs no reindex; a draft or a withdrawn piece is not indexed at all.
   */
  candidateIds(tx?: Tx): Promise<number[]>;
  /** Which of these publications belong in the index. */
  candidatesAmong(ids: readonly number[], tx?: Tx): Promise<number[]>;
  publications(ids: readonly number[], tx?: Tx): Promise<PublicationSource[]>;
  gazetteer(tx?: Tx): Promise<GazetteerPlace[]>;
  /**
   * Changes whenever any place or place name is added, removed or edited, so that a cached
   * gazetteer can tell it is stale with one small query.
   */
  gazetteerFingerprint(tx?: Tx): Promise<string>;
  pageTexts(storedFileId: number, tx?: Tx): Promise<Array<{ page: number; text: string }>>;
  /** Stored files that have page text, for a full rebuild. */
  filesWithPages(tx?: Tx): Promise<number[]>;
  /** The publications whose documents hold this file's pages. */
  publicationsAttaching(storedFileId: number, tx?: Tx): Promise<number[]>;
  /** Stored files with page text that a publication attaches. */
  filesOf(publicationId: number, tx?: Tx): Promise<number[]>;
  publicationsLinkedTo(
    link: { personId: number } | { topicId: number } | { placeIds: readonly number[] },
    tx?: Tx,
  ): Promise<number[]>;
}
