import type { MetaTag } from '../../../ui/head/meta-tag.ts';
import { invertedName } from '../person-name.ts';
import { doiUrl, fullTitle, type ScholarlyWork } from '../work.ts';

/**
 * Dublin Core in HTML meta tags (DCMI, "Expressing Dublin Core metadata using HTML/XHTML meta
 * and link elements"): the page also carries <link rel="schema.DC" href=DC_NAMESPACE> and
 * <link rel="schema.DCTERMS" href=DCTERMS_NAMESPACE>, so that DC.title and the rest are read as
 * the DC elements. Creators are "Family, Given", in order; "with" collaborators are contributors.
 *
 * Written for the way Zotero's Embedded Metadata translator reads them (through its RDF
 * translator), as well as for Dublin Core readers:
 * - DC.type names the kind of work in a word Zotero knows ("book", "interview", "webpage",
 *   "hearing"), because Zotero takes it for the item type when no Highwire key decides, and
 *   copies it into the report-type field. The DCMI type "Text" said nothing (every piece is
 *   text) and became the report type; a report gets no DC.type but an imagery report's
 *   "Satellite imagery report", which is its report type.
 * - Places are DCTERMS.spatial, not DC.coverage: Zotero puts DC.coverage in "Loc. in Archive".
 * - DC.identifier is the piece's one canonical address, whichever interface shows the tags.
 */
export const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';
export const DCTERMS_NAMESPACE = 'http://purl.org/dc/terms/';

export function dublinCoreTags(work: ScholarlyWork): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'DC.title', content: fullTitle(work) }];
  for (const a of work.authors) tags.push({ name: 'DC.creator', content: invertedName(a.name) });
  for (const c of [
    ...work.collaborators,
    ...work.editors,
    ...work.translators,
    ...work.interviewers,
    ...work.others,
  ]) {
    tags.push({ name: 'DC.contributor', content: invertedName(c.name) });
  }
  tags.push({ name: 'DC.date', content: work.issued });
  tags.push({ name: 'DC.publisher', content: work.publisher.name });
  const type = dcType(work);
  if (type) tags.push({ name: 'DC.type', content: type });
  tags.push({ name: 'DC.format', content: 'text/html' });
  tags.push({ name: 'DC.identifier', content: work.url });
  if (work.doi) tags.push({ name: 'DC.identifier', content: doiUrl(work.doi) });
  tags.push({ name: 'DC.language', content: work.language });
  for (const k of work.keywords) tags.push({ name: 'DC.subject', content: k });
  if (work.abstract) tags.push({ name: 'DC.description', content: work.abstract });
  if (work.venue) tags.push({ name: 'DC.source', content: work.venue.name });
  if (work.series) tags.push({ name: 'DC.relation', content: work.series.title });
  for (const p of work.places) tags.push({ name: 'DCTERMS.spatial', content: p.name });
  return tags;
}

/**
 * The kind of work, in the words Zotero's RDF import maps to its item types. Reports, journal
 * articles and talks are typed by their Highwire keys; a DC.type there would only become the
 * report-type field, so a plain report has none.
 */
export function dcType(work: ScholarlyWork): string | null {
  if (work.type === 'testimony') return 'hearing';
  switch (work.kind) {
    case 'book':
      return 'book';
    case 'interview':
      return 'interview';
    case 'web-article':
    case 'page':
      return 'webpage';
    case 'report':
      return work.type === 'imagery-report' ? 'Satellite imagery report' : null;
    default:
      return null;
  }
}
