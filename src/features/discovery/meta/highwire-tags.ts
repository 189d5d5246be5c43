import type { MetaTag } from '../../../ui/head/meta-tag.ts';
import { fullTitle, mainPdf, type ScholarlyWork } from '../work.ts';

/**
 * Highwire Press tags, which Google Scholar and Zotero read (scholar.google.com/intl/en/scholar/
 * inclusion.html): one citation_author per author in byline order, each followed by its
 * citation_author_institution; the PDF only when it sits in the page's own folder, as Scholar
 * requires; report institution and number for reports, the journal for pieces first published
 * in one, the conference for talks.
 */
export function highwireTags(work: ScholarlyWork, pageUrl: string): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: fullTitle(work) }];
  for (const author of work.authors) {
    tags.push({ name: 'citation_author', content: author.displayName });
    if (author.institution)
      tags.push({ name: 'citation_author_institution', content: author.institution });
    if (author.orcid)
      tags.push({ name: 'citation_author_orcid', content: `https://orcid.org/${author.orcid}` });
  }
  tags.push({ name: 'citation_publication_date', content: work.issued.replace(/-/g, '/') });
  if (work.revised)
    tags.push({ name: 'citation_online_date', content: work.revised.replace(/-/g, '/') });
  const pdf = mainPdf(work);
  if (pdf && inFolderOf(pdf.url, pageUrl))
    tags.push({ name: 'citation_pdf_url', content: pdf.url });
  tags.push({ name: 'citation_abstract_html_url', content: pageUrl });
  if (work.kind === 'report') {
    tags.push({ name: 'citation_technical_report_institution', content: work.publisher.name });
    if (work.reportNumber)
      tags.push({ name: 'citation_technical_report_number', content: work.reportNumber });
  } else if (work.kind === 'journal-article' && work.venue) {
    tags.push({ name: 'citation_journal_title', content: work.venue.name });
  } else if (work.kind === 'speech' && work.venue) {
    tags.push({ name: 'citation_conference_title', content: work.venue.name });
  } else {
    tags.push({ name: 'citation_publisher', content: work.publisher.name });
  }
  if (work.doi) tags.push({ name: 'citation_doi', content: work.doi });
  if (work.keywords.length > 0)
    tags.push({ name: 'citation_keywords', content: work.keywords.join('; ') });
  tags.push({ name: 'citation_language', content: work.language });
  return tags;
}

/** Whether `fileUrl` lies directly in the folder of `pageUrl` (which ends in a slash). */
export function inFolderOf(fileUrl: string, pageUrl: string): boolean {
  const folder = pageUrl.endsWith('/') ? pageUrl : pageUrl.replace(/[^/]*$/, '');
  return fileUrl.startsWith(folder) && !fileUrl.slice(folder.length).includes('/');
}
