import { isLiteral, type PersonName } from '../person-name.ts';
import { fullTitle, type ScholarlyWork, type WorkContributor } from '../work.ts';
import { citationKey } from './citation-key.ts';

/**
 * BibTeX that classic BibTeX styles and biblatex/biber both read: the classic entry types and
 * field names (techreport, journal, institution, year, month), plus the biblatex `date`, `doi`,
 * `language` and `translator`, which classic styles ignore. Text stays UTF-8 (biber and
 * BibTeX8 read it); only the characters TeX treats as commands are escaped. A test parses the
 * output back with `biber --tool --validate-datamodel` and allows no warning.
 */
export function bibtex(work: ScholarlyWork): string {
  const [year, month] = work.issued.split('-');
  const fields: Array<[string, string | undefined]> = [
    ['author', names(work.authors)],
    ['editor', names(work.editors)],
    ['translator', names(work.translators)],
    // biblatex's generic second editor role, typed `collaborator`: styles print "in
    // collaboration with …", which is what the byline's "with" means. Classic BibTeX ignores it,
    // so the note says it too.
    ['editora', names(work.collaborators)],
    ['editoratype', work.collaborators.length > 0 ? 'collaborator' : undefined],
    ['title', tex(fullTitle(work))],
    ...typeFields(work),
    ['year', year],
    ['month', month ? String(Number(month)) : undefined],
    ['date', work.issued],
    ['url', work.url],
    ['doi', work.doi ?? undefined],
    ['language', LANGUAGES[work.language] ?? work.language],
    ['keywords', work.keywords.length > 0 ? tex(work.keywords.join(', ')) : undefined],
    ['abstract', work.abstract ? tex(work.abstract) : undefined],
    ['note', note(work)],
  ];
  const body = fields
    .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '')
    .map(([k, v]) => `  ${k} = {${v}},`)
    .join('\n');
  return `@${entryType(work)}{${citationKey(work)},\n${body}\n}\n`;
}

function entryType(work: ScholarlyWork): string {
  switch (work.kind) {
    case 'report':
      return 'techreport';
    case 'book':
      return 'book';
    case 'journal-article':
      return 'article';
    default:
      return 'misc';
  }
}

function typeFields(work: ScholarlyWork): Array<[string, string | undefined]> {
  switch (work.kind) {
    case 'report':
      return [
        ['institution', tex(work.publisher.name)],
        ['type', work.type === 'imagery-report' ? 'Satellite imagery report' : 'Report'],
        ['number', work.reportNumber ? tex(work.reportNumber) : undefined],
      ];
    case 'book':
      return [['publisher', tex(work.publisher.name)]];
    case 'journal-article':
      return [['journal', tex(work.venue?.name ?? work.siteName)]];
    default:
      return [
        [
          'howpublished',
          tex(work.venue && work.kind !== 'speech' ? work.venue.name : work.siteName),
        ],
      ];
  }
}

function note(work: ScholarlyWork): string | undefined {
  const parts: string[] = [];
  if (work.collaborators.length > 0) {
    parts.push(`With ${work.collaborators.map((c) => tex(c.displayName)).join(' and ')}`);
  }
  if (work.interviewers.length > 0) {
    parts.push(`Interview by ${work.interviewers.map((c) => tex(c.displayName)).join(' and ')}`);
  }
  if (work.kind === 'speech' && work.venue) parts.push(`Presented at ${tex(work.venue.name)}`);
  if (work.series)
    parts.push(`Part ${work.series.position} of the series ${tex(work.series.title)}`);
  return parts.length > 0 ? parts.join('. ') : undefined;
}

const LANGUAGES: Record<string, string> = { en: 'english', ko: 'korean' };

function names(list: WorkContributor[]): string | undefined {
  if (list.length === 0) return undefined;
  return list.map((c) => bibName(c.name)).join(' and ');
}

/**
 * "Bermudez, Jr., Joseph S." is BibTeX's "Last, Jr, First". An organization (or any name with
 * "and" in it) is braced, so BibTeX does not split it into people.
 */
function bibName(name: PersonName): string {
  if (isLiteral(name)) return `{${tex(name.literal)}}`;
  const family = /\s/.test(name.family) ? `{${tex(name.family)}}` : tex(name.family);
  const given = name.given ? tex(name.given) : '';
  return name.suffix
    ? `${family}, ${tex(name.suffix)}, ${given}`
    : given
      ? `${family}, ${given}`
      : family;
}

/**
 * Escapes what TeX reads as markup. Braces become \textbraceleft{} and \textbraceright{}, not \{ and
 * \}: BibTeX counts escaped braces too, so one stray brace in a title would break the entry.
 */
export function tex(value: string): string {
  return value.replace(/\p{Cc}+/gu, ' ').replace(/[\\{}$&%#_^~]/g, (ch) => TEX_ESCAPES[ch] ?? ch);
}

const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};
