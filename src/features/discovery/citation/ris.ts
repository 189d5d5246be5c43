import { invertedName } from '../person-name.ts';
import { fullTitle, mainPdf, type ScholarlyWork, type WorkKind } from '../work.ts';

/**
 * RIS as reference managers (Zotero, EndNote, Mendeley) import it: "TAG  - value" lines ending in
 * CRLF, one AU line per author in order, closed by "ER  - ". Values are single lines.
 */
const TYPES: Record<WorkKind, string> = {
  report: 'RPRT',
  book: 'BOOK',
  'journal-article': 'JOUR',
  interview: 'GEN',
  speech: 'GEN',
  'web-article': 'ELEC',
  page: 'ELEC',
};

export function ris(work: ScholarlyWork): string {
  const lines: Array<[string, string | null | undefined]> = [['TY', TYPES[work.kind]]];
  for (const a of work.authors) lines.push(['AU', invertedName(a.name)]);
  for (const e of work.editors) lines.push(['ED', invertedName(e.name)]);
  lines.push(['TI', fullTitle(work)]);
  // The RIS specification gives T2 a different meaning for each type: the series of a report or
  // a book, the journal of an article, the outlet or event of a generic item (where T3 is the
  // series), the website of an electronic source.
  if (work.kind === 'report' || work.kind === 'book') lines.push(['T2', work.series?.title]);
  else {
    lines.push(['T2', container(work)]);
    if (TYPES[work.kind] === 'GEN') lines.push(['T3', work.series?.title]);
  }
  lines.push(['PY', work.issued.slice(0, 4)]);
  lines.push(['DA', risDate(work.issued)]);
  if (work.kind === 'report' || work.kind === 'book' || work.kind === 'web-article') {
    lines.push(['PB', work.publisher.name]);
  }
  // For RPRT, SN is the report number (for a book it would be the ISBN).
  lines.push(['SN', work.kind === 'report' ? work.reportNumber : null]);
  lines.push(['DO', work.doi]);
  lines.push(['UR', work.url]);
  lines.push(['L1', mainPdf(work)?.url]);
  for (const k of work.keywords) lines.push(['KW', k]);
  lines.push(['LA', work.language]);
  lines.push(['AB', work.abstract]);
  // RIS has no collaborator tag: Zotero's importer reads A2 as an editor or series editor, A3 as
  // an editor, A4 as a translator. The "with" credit goes into a note, where no tool misreads it.
  if (work.collaborators.length > 0) {
    lines.push(['N1', `With ${work.collaborators.map((c) => c.displayName).join(' and ')}`]);
  }
  if (work.interviewers.length > 0) {
    lines.push(['N1', `Interview by ${work.interviewers.map((c) => c.displayName).join(' and ')}`]);
  }
  lines.push(['ER', '']);
  return lines
    .filter((l): l is [string, string] => l[1] !== null && l[1] !== undefined)
    .map(([tag, value]) => `${tag}  - ${oneLine(value)}`.trimEnd())
    .map((line) => (line === 'ER  -' ? 'ER  - ' : line))
    .join('\r\n')
    .concat('\r\n');
}

function container(work: ScholarlyWork): string | undefined {
  if (work.kind === 'journal-article' || work.kind === 'interview' || work.kind === 'speech') {
    return work.venue?.name;
  }
  if (work.kind === 'web-article' || work.kind === 'page') return work.siteName;
  return undefined;
}

/**
 * RIS dates are "YYYY/MM/DD/other", a part left empty when it is not known: "2020/10//" for a
 * piece the source dates only by its month, "2019///" for one dated only by its year.
 */
function risDate(issued: string): string {
  const [y, m, d] = issued.split('-');
  return `${y}/${m ?? ''}/${d ?? ''}/`;
}

function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}
