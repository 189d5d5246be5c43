import { directName, invertedName } from '../person-name.ts';
import { doiUrl, fullTitle, type ScholarlyWork, type WorkContributor } from '../work.ts';
import { dayMonthYear, year } from './dates.ts';
import {
  endsTerminally,
  type Formatted,
  innerQuotes,
  italic,
  period,
  quotedTitle,
  runs,
} from './formatted.ts';

/**
 * A works-cited entry in MLA style, 9th edition: one author inverted, two joined by "and", three
 * or more as the first and "et al." (2.1.1); quoted titles for parts, italic containers; day,
 * abbreviated month and year; the URL without its scheme, or the DOI as a URL (2.6.1). Writing
 * this ourselves needs no CSL style file: the rules are the MLA's, the code is ours (MIT).
 */
export function mla(work: ScholarlyWork): Formatted {
  const title = fullTitle(work);
  const link = work.doi ? doiUrl(work.doi) : work.url.replace(/^https?:\/\//, '');
  const date = dayMonthYear(work.issued);
  // No "with" credit in this style: collaborators are named after the authors, as before.
  const who = authors([...work.authors, ...work.collaborators]);
  const lead = who ? `${period(who)} ` : '';
  switch (work.kind) {
    case 'report':
    case 'book': {
      const number = work.reportNumber ? ` Report no. ${work.reportNumber},` : '';
      return runs(
        lead,
        italic(innerQuotes(title)),
        endsTerminally(title) ? '' : '.',
        number,
        ` ${work.publisher.name}, ${year(work.issued)}, ${link}.`,
      );
    }
    case 'journal-article':
      return runs(
        lead,
        quotedTitle(title, '.'),
        ' ',
        italic(work.venue?.name ?? work.siteName),
        `, ${date}, ${link}.`,
      );
    case 'interview': {
      const by =
        work.interviewers.length > 0
          ? ` Interview by ${work.interviewers.map(direct).join(' and ')}.`
          : ' Interview.';
      return runs(
        lead,
        quotedTitle(title, '.'),
        by,
        ' ',
        italic(work.venue?.name ?? work.siteName),
        `, ${date}, ${link}.`,
      );
    }
    case 'speech':
      // The talk's own container is the event; the archive that carries its text is the second.
      return runs(
        lead,
        quotedTitle(title, '.'),
        ` ${work.venue?.name ?? ''}, ${date}. `,
        italic(work.siteName),
        `, ${link}.`,
      );
    default:
      return runs(lead, quotedTitle(title, '.'), ' ', italic(work.siteName), `, ${date}, ${link}.`);
  }
}

const direct = (c: WorkContributor) => directName(c.name, c.displayName);

function authors(list: WorkContributor[]): string {
  const [first, second] = list;
  if (!first) return '';
  if (list.length === 1) return invertedName(first.name);
  if (list.length === 2 && second) return `${invertedName(first.name)}, and ${direct(second)}`;
  return `${invertedName(first.name)}, et al`;
}
