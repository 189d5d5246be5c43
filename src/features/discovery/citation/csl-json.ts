import type { PersonName } from '../person-name.ts';
import { fullTitle, type ScholarlyWork, type WorkContributor, type WorkKind } from '../work.ts';
import { citationKey } from './citation-key.ts';

/**
 * CSL-JSON (citationstyles.org schema 1.0), the input format of Zotero, Mendeley, Pandoc and every
 * CSL processor. Only variables the schema defines are written; a test holds the output to
 * ../shared/validators/csl/csl-data.json.
 */
export type CslName = { family: string; given?: string; suffix?: string } | { literal: string };

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  interviewer?: CslName[];
  /** CSL 1.0.2 `contributor`: the "with" credit, a collaborator who is not an author. */
  contributor?: CslName[];
  /** As far as the date is known: [[2020, 10, 12]], [[2020, 10]] or [[2020]]. */
  issued: { 'date-parts': [[number] | [number, number] | [number, number, number]] };
  URL: string;
  DOI?: string;
  publisher?: string;
  'container-title'?: string;
  'event-title'?: string;
  'collection-title'?: string;
  'collection-number'?: string;
  number?: string;
  genre?: string;
  abstract?: string;
  keyword?: string;
  language: string;
}

const TYPES: Record<WorkKind, string> = {
  report: 'report',
  book: 'book',
  'journal-article': 'article-journal',
  interview: 'interview',
  speech: 'speech',
  'web-article': 'webpage',
  page: 'webpage',
};

export function cslName(name: PersonName): CslName {
  if ('literal' in name) return { literal: name.literal };
  return {
    family: name.family,
    ...(name.given ? { given: name.given } : {}),
    ...(name.suffix ? { suffix: name.suffix } : {}),
  };
}

export function cslItem(work: ScholarlyWork): CslItem {
  const names = (list: WorkContributor[]) =>
    list.length > 0 ? list.map((c) => cslName(c.name)) : undefined;
  const dateParts = work.issued.split('-').map(Number) as [number] | [number, number];
  const item: CslItem = {
    id: citationKey(work),
    type: TYPES[work.kind],
    title: fullTitle(work),
    author: names(work.authors),
    editor: names(work.editors),
    translator: names(work.translators),
    interviewer: names(work.interviewers),
    contributor: names(work.collaborators),
    issued: { 'date-parts': [dateParts] },
    URL: work.url,
    DOI: work.doi ?? undefined,
    publisher:
      work.kind === 'report' || work.kind === 'book' || work.kind === 'web-article'
        ? work.publisher.name
        : undefined,
    'container-title': containerTitle(work),
    'event-title': work.kind === 'speech' ? work.venue?.name : undefined,
    'collection-title': work.series?.title,
    'collection-number': work.series ? String(work.series.position) : undefined,
    number: work.reportNumber ?? undefined,
    genre:
      work.kind === 'report' && work.type === 'imagery-report'
        ? 'Satellite imagery report'
        : undefined,
    abstract: work.abstract ?? undefined,
    keyword: work.keywords.length > 0 ? work.keywords.join(', ') : undefined,
    language: work.language,
  };
  // JSON.stringify drops undefined members; dropping them here too keeps equality checks honest.
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as CslItem;
}

function containerTitle(work: ScholarlyWork): string | undefined {
  if (work.kind === 'journal-article' || work.kind === 'interview')
    return work.venue?.name ?? work.siteName;
  if (work.kind === 'web-article' || work.kind === 'page') return work.siteName;
  return undefined;
}

/** The download: an array, as CSL-JSON files always are. */
export function cslJson(works: ScholarlyWork[]): string {
  return `${JSON.stringify(works.map(cslItem), null, 2)}\n`;
}
