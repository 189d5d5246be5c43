import type { MetaTag } from '../../../ui/head/meta-tag.ts';
import { invertedName } from '../person-name.ts';
import { doiUrl, fullTitle, type ScholarlyWork } from '../work.ts';

/**
 * Dublin Core in HTML meta tags (DCMI, "Expressing Dublin Core metadata using HTML/XHTML meta
 * and link elements"): the page also carries <link rel="schema.DC" href=DC_NAMESPACE>, so that
 * DC.title and the rest are read as the DC elements. Creators are "Family, Given", in order.
 */
export const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

export function dublinCoreTags(work: ScholarlyWork): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'DC.title', content: fullTitle(work) }];
  for (const a of work.authors) tags.push({ name: 'DC.creator', content: invertedName(a.name) });
  for (const c of [...work.editors, ...work.translators, ...work.interviewers, ...work.others]) {
    tags.push({ name: 'DC.contributor', content: invertedName(c.name) });
  }
  tags.push({ name: 'DC.date', content: work.issued });
  tags.push({ name: 'DC.publisher', content: work.publisher.name });
  tags.push({ name: 'DC.type', content: 'Text' });
  tags.push({ name: 'DC.format', content: 'text/html' });
  tags.push({ name: 'DC.identifier', content: work.url });
  if (work.doi) tags.push({ name: 'DC.identifier', content: doiUrl(work.doi) });
  tags.push({ name: 'DC.language', content: work.language });
  for (const k of work.keywords) tags.push({ name: 'DC.subject', content: k });
  if (work.abstract) tags.push({ name: 'DC.description', content: work.abstract });
  if (work.venue) tags.push({ name: 'DC.source', content: work.venue.name });
  if (work.series) tags.push({ name: 'DC.relation', content: work.series.title });
  for (const p of work.places) tags.push({ name: 'DC.coverage', content: p.name });
  return tags;
}
