import { invertedName } from '../person-name.ts';
import { doiUrl, fullTitle, type ScholarlyWork } from '../work.ts';
import { element } from '../xml.ts';
import { OAI_DC } from './oai-protocol.ts';

/**
 * A record's metadata in simple Dublin Core (oai_dc): creators "Family, Given" in byline order,
 * key words as subjects, the summary as description, the page and the DOI as identifiers, the
 * first venue as source, places as coverage. A test validates it against oai_dc.xsd.
 */
export function oaiDc(work: ScholarlyWork): string {
  const dc = (name: string, value: string | null | undefined, lang?: string) =>
    element(`dc:${name}`, value, lang ? { 'xml:lang': lang } : {});
  const parts = [
    dc('title', fullTitle(work), work.language),
    ...work.authors.map((a) => dc('creator', invertedName(a.name))),
    ...[
      ...work.collaborators,
      ...work.editors,
      ...work.translators,
      ...work.interviewers,
      ...work.others,
    ].map((c) => dc('contributor', invertedName(c.name))),
    ...work.keywords.map((k) => dc('subject', k, 'en')),
    dc('description', work.abstract, work.language),
    dc('publisher', work.publisher.name),
    dc('date', work.issued),
    dc('type', 'Text'),
    dc('type', DC_TYPES[work.kind]),
    dc('format', 'text/html'),
    ...(work.files.some((f) => f.mediaType === 'application/pdf')
      ? [dc('format', 'application/pdf')]
      : []),
    dc('identifier', work.url),
    work.doi ? dc('identifier', doiUrl(work.doi)) : '',
    dc('language', work.language),
    dc('source', work.venue?.name),
    dc('relation', work.series ? `${work.series.title}, part ${work.series.position}` : null),
    ...work.places.map((p) => dc('coverage', p.name)),
  ];
  return `<oai_dc:dc xmlns:oai_dc="${OAI_DC.namespace}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${OAI_DC.namespace} ${OAI_DC.schema}">${parts.join('')}</oai_dc:dc>`;
}

/** A second dc:type, in words, after the DCMI type "Text". */
const DC_TYPES: Record<ScholarlyWork['kind'], string> = {
  report: 'Report',
  book: 'Book',
  'journal-article': 'Article',
  interview: 'Interview',
  speech: 'Speech',
  'web-article': 'Article',
  page: 'Web page',
};
