import type { MetaTag } from '../../../ui/head/meta-tag.ts';
import { isLiteral, type PersonName } from '../person-name.ts';
import { fullTitle, mainPdf, type ScholarlyWork } from '../work.ts';

/**
 * Highwire Press tags, which Google Scholar and Zotero read (scholar.google.com/intl/en/scholar/
 * inclusion.html), written for the way Zotero's Embedded Metadata translator reads them:
 *
 * - `citation_author` is "Family, Given": the translator splits a name at its first comma, and
 *   without one takes the last word as the family name ("Amanda Mortwedt Oh" became "Oh,
 *   Amanda Mortwedt" only by luck; "Joseph S. Bermudez Jr." became "Jr"). A suffix joins the
 *   family name ("Bermudez Jr., Joseph S."), because the translator keeps only the two parts
 *   before and after the first comma and would drop a third. Each author is followed by their
 *   institution. "With" collaborators are authors here too: Highwire has no other role for them,
 *   and naming them as authors is closer than leaving them out (Dublin Core says contributor).
 * - The item type comes from the keys present: `citation_technical_report_institution` makes a
 *   report, `citation_journal_title` a journal article, `citation_conference_title` a conference
 *   paper. Books, interviews, web articles and testimony have no Highwire key of their own; for
 *   them the Dublin Core type decides (see dublin-core-tags.ts), so none of the keys above is set.
 * - `citation_abstract` carries the whole summary: the translator prefers it to the short meta
 *   and Open Graph descriptions, which are cut for search result lines.
 * - `citation_pdf_url` on every page of the piece, in either interface language. Scholar prefers
 *   the PDF in the page's own folder; the file has one address, under the English path.
 */
export function highwireTags(work: ScholarlyWork, pageUrl: string): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: fullTitle(work) }];
  for (const author of [...work.authors, ...work.collaborators]) {
    tags.push({ name: 'citation_author', content: highwireName(author.name) });
    if (author.institution)
      tags.push({ name: 'citation_author_institution', content: author.institution });
    if (author.orcid)
      tags.push({ name: 'citation_author_orcid', content: `https://orcid.org/${author.orcid}` });
  }
  tags.push({ name: 'citation_publication_date', content: work.issued.replace(/-/g, '/') });
  if (work.revised)
    tags.push({ name: 'citation_online_date', content: work.revised.replace(/-/g, '/') });
  const pdf = mainPdf(work);
  if (pdf) tags.push({ name: 'citation_pdf_url', content: pdf.url });
  tags.push({ name: 'citation_abstract_html_url', content: pageUrl });
  tags.push({ name: 'citation_public_url', content: work.url });
  if (work.abstract) tags.push({ name: 'citation_abstract', content: work.abstract });
  if (work.kind === 'report') {
    tags.push({ name: 'citation_technical_report_institution', content: work.publisher.name });
    if (work.reportNumber)
      tags.push({ name: 'citation_technical_report_number', content: work.reportNumber });
  } else if (work.kind === 'journal-article' && work.venue) {
    tags.push({ name: 'citation_journal_title', content: work.venue.name });
  } else if (work.kind === 'speech' && work.venue && work.type !== 'testimony') {
    tags.push({ name: 'citation_conference_title', content: work.venue.name });
  } else {
    tags.push({ name: 'citation_publisher', content: work.publisher.name });
  }
  if (work.series) tags.push({ name: 'citation_series_title', content: work.series.title });
  if (work.doi) tags.push({ name: 'citation_doi', content: work.doi });
  if (work.keywords.length > 0)
    tags.push({ name: 'citation_keywords', content: work.keywords.join('; ') });
  tags.push({ name: 'citation_language', content: work.language });
  return tags;
}

/** "Oh, Amanda Mortwedt", "Bermudez Jr., Joseph S.", "Byun, Chang-seop"; an organization as is. */
export function highwireName(name: PersonName): string {
  if (isLiteral(name)) return name.literal;
  const family = name.suffix ? `${name.family} ${name.suffix}` : name.family;
  return name.given ? `${family}, ${name.given}` : family;
}
