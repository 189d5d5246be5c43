import { initials, isLiteral, type PersonName } from '../person-name.ts';
import { doiUrl, fullTitle, type ScholarlyWork, type WorkContributor } from '../work.ts';
import { year, yearMonthDay } from './dates.ts';
import { endsTerminally, type Formatted, italic, period, runs } from './formatted.ts';

/**
 * A reference in APA style, 7th edition: family names with initials, "&" before the last of up
 * to twenty authors (more are shortened to nineteen, an ellipsis and the last, 9.8); the year
 * alone for reports, books and journals, the full date for web pages, interviews and talks;
 * titles kept as printed (the archive does not guess which words are proper nouns to apply
 * sentence case); the DOI as a URL in place of the page's address, with no period after it.
 */
export function apa(work: ScholarlyWork): Formatted {
  const title = fullTitle(work);
  const link = work.doi ? doiUrl(work.doi) : work.url;
  const datedByDay =
    work.kind === 'web-article' ||
    work.kind === 'interview' ||
    work.kind === 'speech' ||
    work.kind === 'page';
  const date = `(${datedByDay ? yearMonthDay(work.issued) : year(work.issued)}).`;
  // No "with" credit in this style: collaborators are named after the authors, as before.
  const who = authors([...work.authors, ...work.collaborators]);
  const standAlone = work.kind !== 'journal-article' && work.kind !== 'interview';
  const note = description(work);
  const titleRuns = standAlone
    ? [italic(title), note ? ` ${note}` : '', endsTerminally(title) && !note ? '' : '.']
    : [title, note ? ` ${note}` : '', endsTerminally(title) && !note ? '' : '.'];
  // Without authors the title takes the author's place, before the date (9.12).
  const head = who ? [`${who} ${date} `, ...titleRuns] : [...titleRuns, ` ${date}`];
  switch (work.kind) {
    case 'report':
    case 'book':
      return runs(...head, ` ${period(work.publisher.name)} ${link}`);
    case 'journal-article':
    case 'interview':
      return runs(...head, ' ', italic(work.venue?.name ?? work.siteName), `. ${link}`);
    case 'speech':
      return runs(...head, ` ${period(work.venue?.name ?? work.siteName)} ${link}`);
    default:
      return runs(...head, ` ${period(work.siteName)} ${link}`);
  }
}

function description(work: ScholarlyWork): string {
  if (work.kind === 'report' && work.reportNumber) return `(Report No. ${work.reportNumber})`;
  if (work.kind === 'interview') {
    const by = work.interviewers.map((c) => initialsFirst(c.name, c.displayName));
    return by.length > 0 ? `[Interview by ${by.join(' & ')}]` : '[Interview]';
  }
  if (work.kind === 'speech') return '[Remarks]';
  return '';
}

/** "Cohen, R.", "Bermudez, J. S., Jr.", or an organization's name as it is. */
function apaName(name: PersonName): string {
  if (isLiteral(name)) return name.literal;
  const given = name.given ? `, ${initials(name.given)}` : '';
  return `${name.family}${given}${name.suffix ? `, ${name.suffix}` : ''}`;
}

/** "C.-S. Byun", for people named inside brackets. */
function initialsFirst(name: PersonName, display: string): string {
  if (isLiteral(name)) return name.literal;
  return name.given ? `${initials(name.given)} ${name.family}` : display;
}

function authors(list: WorkContributor[]): string {
  const names = list.map((c) => apaName(c.name));
  if (names.length === 0) return '';
  let text: string;
  if (names.length === 1) text = names[0]!;
  else if (names.length <= 20)
    text = `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
  else text = `${names.slice(0, 19).join(', ')}, . . . ${names[names.length - 1]}`;
  return period(text);
}
