import { directName, invertedName } from '../person-name.ts';
import { doiUrl, fullTitle, type ScholarlyWork, type WorkContributor } from '../work.ts';
import { monthDayYear, year } from './dates.ts';
import {
  endsTerminally,
  type Formatted,
  innerQuotes,
  italic,
  period,
  quotedTitle,
  runs,
  serialList,
} from './formatted.ts';

/**
 * A bibliography entry in the style of The Chicago Manual of Style, 17th edition
 * (notes-bibliography): the first author inverted, the others not; up to ten authors named, more
 * than ten shortened to seven and "et al." (14.76); quoted titles for parts, italic titles for
 * whole works; the DOI in place of the URL when there is one (14.8).
 */
export function chicago(work: ScholarlyWork): Formatted {
  const title = fullTitle(work);
  const link = work.doi ? doiUrl(work.doi) : work.url;
  const date = monthDayYear(work.issued);
  // A "with" credit follows the authors as the title page gives it: "Hawk, David, with Amanda
  // Mortwedt Oh."
  const who = [
    authors(work.authors),
    ...(work.collaborators.length > 0
      ? [`with ${serialList(work.collaborators.map(direct))}`]
      : []),
  ]
    .filter(Boolean)
    .join(', ');
  const lead = who ? `${period(who)} ` : '';
  const credits = [
    work.editors.length > 0 ? `Edited by ${serialList(work.editors.map(direct))}.` : '',
    work.translators.length > 0 ? `Translated by ${serialList(work.translators.map(direct))}.` : '',
  ]
    .filter(Boolean)
    .map((s) => ` ${s}`)
    .join('');
  /** A part of a periodical or a site: its quoted title, `middle`, then the italic container. */
  const inVenue = (middle: string) =>
    runs(
      lead,
      quotedTitle(title, '.'),
      middle,
      ' ',
      italic(work.venue?.name ?? work.siteName),
      `, ${date}. ${link}.`,
    );
  switch (work.kind) {
    case 'report':
    case 'book': {
      const number = work.reportNumber ? ` Report no. ${work.reportNumber}.` : '';
      return runs(
        lead,
        italic(innerQuotes(title)),
        endsTerminally(title) ? '' : '.',
        credits,
        number,
        ` ${work.publisher.name}, ${year(work.issued)}. ${link}.`,
      );
    }
    case 'journal-article':
      return inVenue(credits);
    case 'interview':
      return inVenue(
        work.interviewers.length > 0
          ? ` Interview by ${serialList(work.interviewers.map(direct))}.`
          : ' Interview.',
      );
    case 'speech':
      return runs(
        lead,
        quotedTitle(title, '.'),
        credits,
        ` Presented at ${work.venue?.name ?? work.siteName}, ${date}. ${link}.`,
      );
    default:
      return runs(lead, quotedTitle(title, '.'), credits, ` ${work.siteName}, ${date}. ${link}.`);
  }
}

const direct = (c: WorkContributor) => directName(c.name, c.displayName);

function authors(list: WorkContributor[]): string {
  if (list.length === 0) return '';
  const shown = list.length > 10 ? list.slice(0, 7) : list;
  const names = shown.map((c, i) => (i === 0 ? invertedName(c.name) : direct(c)));
  if (list.length > 10) return `${names.join(', ')}, et al`;
  if (names.length === 2) return `${names[0]}, and ${names[1]}`;
  return serialList(names);
}
