import { createHash } from 'node:crypto';
import type { Gazetteer } from '../../core/gazetteer.ts';
import type { PublicationSource } from '../../core/index-sources.ts';
import { bodyTexts, splitFootnotes } from '../../core/markdown/body-texts.ts';
import {
  type AnalyzedText,
  DOC_FIELDS,
  type DocField,
  type IndexedDocument,
  type IndexedPage,
} from '../../core/search-index.ts';
import { compoundsOf, sanitize, segment, stemOf, tokensOf } from './analyzer.ts';
import { sceneText, shownScenes } from './scene-words.ts';

/**
 * What the index holds for a publication and for a PDF page: analyzed token streams per field,
 * produced here once for both backends. A backend lays these streams out its own way (FTS5
 * columns, or one weighted tsvector) but never re-tokenizes them.
 */

/**
 * Bump when analysis or the index's layout changes, so that `reindex --check` reports every
 * document as drifted. (3: the index gained a head; see migration 0060. 4: a publication's
 * public satellite scenes became part of its document.)
 */
export const ANALYZER_VERSION = 4;

const LATIN_WORD = /^[a-z]+$/;

/** The stem a token is indexed under: its English stem, itself for a plain Latin word, else none. */
export function indexedStem(token: string): string | null {
  return stemOf(token) ?? (LATIN_WORD.test(token) ? token : null);
}

export function analyzeText(text: string, gazetteer: Gazetteer): AnalyzedText {
  const units = segment(sanitize(text));
  const tokens = tokensOf(units);
  // Units and tokens line up except inside CJK runs; map each unit to its first token.
  const firstToken: number[] = [];
  let t = 0;
  for (const u of units) {
    while (t < tokens.length && tokens[t]!.start < u.start) t++;
    firstToken.push(t);
  }
  return {
    tokens: tokens.map((x) => x.text),
    stems: tokens.map((x) => indexedStem(x.text)),
    alts: compoundsOf(units).map((c) => ({ position: firstToken[c.firstUnit]!, text: c.text })),
    places: gazetteer.recognize(units).map((m) => ({
      position: tokens.findIndex((x) => x.start >= m.start),
      placeIds: m.placeIds,
    })),
  };
}

/** The plain texts of a publication's fields: what is indexed and what snippets are cut from. */
export interface PublicationTexts {
  title: string;
  meta: string;
  names: string;
  body: string;
  notes: string;
}

export function publicationTexts(
  p: Pick<PublicationSource, 'title' | 'subtitle' | 'summary' | 'body'> & {
    names?: readonly string[];
  },
  body: { body: string; notes: string } = bodyTexts(p.body),
): PublicationTexts {
  return {
    title: p.title,
    meta: [p.subtitle, p.summary].filter(Boolean).join('\n'),
    names: (p.names ?? []).join('\n'),
    ...body,
  };
}

/**
 * The same fields as plain text without running Markdown through the renderer: snippets are cut
 * from these on every search, where a full render of ten bodies would cost more than the search.
 */
export function snippetTexts(
  p: Pick<PublicationSource, 'title' | 'subtitle' | 'summary' | 'body'>,
): Omit<PublicationTexts, 'names'> {
  // A summary is Markdown too, footnotes and all: a snippet shows what the page reads, never
  // the markup ("**", "[^1]") or a note's definition run into the sentence.
  const summary = splitFootnotes(p.summary ?? '');
  const { main, notes } = splitFootnotes(p.body);
  return {
    title: p.title,
    meta: [p.subtitle, stripMarkdown(summary.main)].filter(Boolean).join('\n'),
    body: stripMarkdown(main),
    notes: stripMarkdown([...summary.notes, ...notes].join('\n')),
  };
}

function stripMarkdown(text: string): string {
  return text
    .replace(/\[\^[^\]]*\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildDocument(
  source: PublicationSource,
  gazetteer: Gazetteer,
  body?: { body: string; notes: string },
): IndexedDocument {
  const namesOf = new Map(gazetteer.places.map((p) => [p.id, p.names]));
  // The scenes the public sees are part of the piece: their places count as its places (every
  // spelling of them finds it), their words and capture dates as text of its body.
  const scenes = shownScenes(source);
  const places = [...source.places];
  for (const id of scenes.flatMap((s) => s.placeIds)) {
    if (!places.some((p) => p.id === id)) places.push({ id, names: [...(namesOf.get(id) ?? [])] });
  }
  // A place term also finds the work filed at places inside it ("Chongjin" finds a camp filed
  // under one of its districts), so a publication is indexed under its places' ancestors too:
  // their ids, and their names in every spelling beside its own places' names.
  const linkedPlaceIds = withAncestors(
    places.map((x) => x.id),
    gazetteer,
  );
  const names = [
    ...source.people.flatMap((x) => x.names),
    ...source.topics.flatMap((x) => x.names),
    ...places.flatMap((x) => x.names),
    ...linkedPlaceIds
      .filter((id) => !places.some((p) => p.id === id))
      .flatMap((id) => namesOf.get(id) ?? []),
  ];
  const bodyText = body ?? bodyTexts(source.body);
  const texts = publicationTexts(
    { ...source, names },
    {
      body: [bodyText.body, ...scenes.map(sceneText)].filter(Boolean).join('\n\n'),
      notes: bodyText.notes,
    },
  );
  const pages = source.pdfFiles.flatMap((f) =>
    f.pages.map((p) => buildPage(f.storedFileId, p.pageNumber, p.text, gazetteer)),
  );
  const fields = {
    title: analyzeText(texts.title, gazetteer),
    meta: analyzeText(texts.meta, gazetteer),
    names: analyzeText(texts.names, gazetteer),
    body: analyzeText(texts.body, gazetteer),
    notes: analyzeText(texts.notes, gazetteer),
    pdf: concatenate(pages.map((p) => p.text)),
  } satisfies Record<DocField, AnalyzedText>;
  // The place facet counts linked places and places the publication's own text names; the PDF's
  // passing mentions stay searchable but do not make the publication "about" a place.
  const recognized = (['title', 'meta', 'body', 'notes'] as const).flatMap((f) =>
    fields[f].places.flatMap((m) => m.placeIds),
  );
  const terms = new Set<string>();
  for (const f of DOC_FIELDS) for (const tok of fields[f].tokens) if (isTerm(tok)) terms.add(tok);
  return {
    publicationId: source.id,
    pages,
    fields,
    linkedPlaceIds,
    facets: {
      person: unique(source.people.map((x) => x.id)),
      topic: unique(source.topics.map((x) => x.id)),
      place: unique([...places.map((x) => x.id), ...recognized]),
    },
    terms: [...terms],
    hash: digest([
      ANALYZER_VERSION,
      source,
      linkedPlaceIds,
      texts.names,
      DOC_FIELDS.map((f) => fields[f].places),
    ]),
  };
}

/** The places and every place they lie inside, the places first. */
function withAncestors(ids: readonly number[], gazetteer: Gazetteer): number[] {
  const parentOf = new Map(gazetteer.places.map((p) => [p.id, p.parentId]));
  const out = new Set<number>(ids);
  for (const id of ids) {
    let parent = parentOf.get(id) ?? null;
    // The back office keeps places a tree; the bound guards a cycle in hand-edited data.
    for (let depth = 0; parent !== null && depth < parentOf.size; depth++) {
      out.add(parent);
      parent = parentOf.get(parent) ?? null;
    }
  }
  return [...out];
}

/** One stream from several (a PDF's pages), positions shifted to follow each other. */
function concatenate(texts: readonly AnalyzedText[]): AnalyzedText {
  const out: AnalyzedText = { tokens: [], stems: [], alts: [], places: [] };
  for (const t of texts) {
    const base = out.tokens.length;
    for (const x of t.tokens) out.tokens.push(x);
    for (const x of t.stems) out.stems.push(x);
    for (const a of t.alts) out.alts.push({ position: base + a.position, text: a.text });
    for (const m of t.places)
      out.places.push({ position: base + m.position, placeIds: m.placeIds });
  }
  return out;
}

export function buildPage(
  storedFileId: number,
  pageNumber: number,
  text: string,
  gazetteer: Gazetteer,
): IndexedPage {
  const analyzed = analyzeText(text, gazetteer);
  return {
    storedFileId,
    pageNumber,
    text: analyzed,
    hash: digest([ANALYZER_VERSION, text, analyzed.places]),
  };
}

/** Suggestions are drawn from plain words: no digits, no CJK bigrams, nothing too short. */
function isTerm(token: string): boolean {
  return /^[a-z]{3,24}$/.test(token);
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}
