import canonicalizeModule from 'canonicalize';

type Canonicalize = (input: unknown) => string | undefined;
// The package is CommonJS whose types declare an ES default: Node hands the function itself.
const canonicalize: Canonicalize =
  (canonicalizeModule as unknown as { default?: Canonicalize }).default ??
  (canonicalizeModule as unknown as Canonicalize);

import type { PublicationView } from '../../../core/public-views.ts';

/** Names the record's shape, so a reader decades on knows which fields it holds. */
export const RECORD_FORMAT = 'dossier-published-record/1';

/**
 * What a proof stamps: the piece exactly as the public page shows it, built only from its public
 * view (reading's loader, which answers nothing for a draft), with the SHA-256 of each of its
 * files. Neighbours that change without the piece changing (series navigation, translations,
 * scenes, the time of the last save) are left out: a version is a change the reader can see in
 * the piece itself. `captures` holds the hashes of its cited sources' archived copies, when
 * sources are captured (features/captures).
 */
export interface PublishedRecord {
  format: typeof RECORD_FORMAT;
  publication: Record<string, unknown>;
  files: Array<{
    path: string;
    fileName: string;
    mediaType: string;
    byteSize: number;
    sha256: string;
  }>;
  captures: Array<{ url: string; sha256: string; capturedAt: string }>;
}

export function publishedRecord(
  view: PublicationView,
  fileHashes: ReadonlyMap<string, string>,
  captures: PublishedRecord['captures'] = [],
): PublishedRecord {
  return {
    format: RECORD_FORMAT,
    publication: {
      id: view.id,
      path: view.path,
      section: view.section.slug,
      type: view.type,
      language: view.language,
      title: view.title,
      subtitle: view.subtitle,
      summary: view.summary,
      publishedAt: view.publishedAt,
      publishedPrecision: view.publishedPrecision,
      revisedAt: view.revisedAt,
      contributors: view.contributors.map((c) => ({
        name: c.name,
        nameKo: c.nameKo ?? null,
        person: c.personSlug,
        role: c.role,
        credit: c.credit,
        affiliation: c.affiliation,
      })),
      venue: view.venue,
      venueStatus: view.venueStatus,
      translatedBy: view.translatedBy,
      externalUrl: view.externalUrl,
      excerptOnly: view.excerptOnly,
      reportNumber: view.reportNumber,
      doi: view.doi,
      archiveText: view.archiveText,
      bodyHtml: view.bodyHtml,
      disclaimer: view.disclaimer,
      disclaimerKo: view.disclaimerKo,
      keywords: view.keywords,
      topics: view.topics.map((t) => ({ slug: t.slug, name: t.name, nameKo: t.nameKo })),
      places: view.places.map((p) => ({ slug: p.slug, label: p.label, labelKo: p.labelKo })),
    },
    files: view.files.map((f) => ({
      path: f.path,
      fileName: f.fileName,
      mediaType: f.mediaType,
      byteSize: f.byteSize,
      sha256: fileHashes.get(f.path) ?? '',
    })),
    captures,
  };
}

/** The record's bytes as stamped: JSON canonicalized per RFC 8785 (JCS), in UTF-8. */
export function canonicalRecord(record: PublishedRecord): string {
  const text = canonicalize(record);
  if (text === undefined) throw new Error('a published record has no JSON form');
  return text;
}
