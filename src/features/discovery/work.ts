import type { ContributionRole, PublicationType } from '../../core/content-types.ts';
import type { PersonName } from './person-name.ts';

/**
 * One publication as every scholarly format sees it: citations, Highwire and Dublin Core tags,
 * JSON-LD, feeds and OAI records all read this shape, so they cannot disagree about who wrote a
 * piece, when it appeared or where its PDF is. It is built by `load-works.ts`
 * from public views only; every URL in it is absolute, made from the configured public URL.
 */
export type WorkKind =
  | 'report'
  | 'book'
  | 'journal-article'
  | 'interview'
  | 'speech'
  | 'web-article'
  | 'page';

export interface WorkContributor {
  /** As the byline prints it: "Roberta Cohen", "Byun Chang-seop". */
  displayName: string;
  name: PersonName;
  role: ContributionRole;
  /** The institution at the time, resolved from the printed affiliation where it can be. */
  institution: string | null;
  /** The affiliation exactly as printed with the piece ("HRNK Co-Chair"). */
  printedAffiliation: string | null;
  orcid: string | null;
  profileUrl: string;
}

export interface WorkFile {
  url: string;
  mediaType: string;
  byteSize: number;
  title: string | null;
  main: boolean;
}

export interface WorkOrganization {
  name: string;
  url: string | null;
}

export interface WorkPlace {
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export interface ScholarlyWork {
  id: number;
  kind: WorkKind;
  type: PublicationType;
  title: string;
  subtitle: string | null;
  language: string;
  /** Authors in byline order: the people a citation names first. */
  authors: WorkContributor[];
  /**
   * Those the byline credits after "with" (credit 'secondary'): David Hawk *with* Amanda Mortwedt
   * Oh. Not authors; each format carries them in the role it has for a collaborator.
   */
  collaborators: WorkContributor[];
  editors: WorkContributor[];
  translators: WorkContributor[];
  interviewers: WorkContributor[];
  /** Everyone else credited (photographers and the like), for DC contributor and JSON-LD. */
  others: WorkContributor[];
  /**
   * The UTC date of first publication as far as it is known: YYYY-MM-DD, or YYYY-MM or YYYY when
   * the source printed only the month or the year. Every format carries no more than that.
   */
  issued: string;
  /** YYYY-MM-DD of a substantive revision, when there was one. */
  revised: string | null;
  /**
   * The piece's one canonical address, which every format gives: the page in the interface of the
   * piece's own language (/ko/… for a Korean piece), the English interface otherwise.
   */
  url: string;
  files: WorkFile[];
  publisher: WorkOrganization;
  /** Where the piece first appeared: a journal or outlet, or the event it was presented at. */
  venue: (WorkOrganization & { kind: 'journal' | 'event' | 'other' }) | null;
  siteName: string;
  reportNumber: string | null;
  /** A bare DOI ("10.1234/abc"), never a URL. */
  doi: string | null;
  keywords: string[];
  places: WorkPlace[];
  /** The summary as plain text. */
  abstract: string | null;
  series: { title: string; position: number } | null;
  excerptOnly: boolean;
}

export function fullTitle(work: Pick<ScholarlyWork, 'title' | 'subtitle'>): string {
  if (!work.subtitle) return work.title;
  return /[:?!.…]$/.test(work.title)
    ? `${work.title} ${work.subtitle}`
    : `${work.title}: ${work.subtitle}`;
}

export function mainPdf(work: Pick<ScholarlyWork, 'files'>): WorkFile | null {
  return (
    work.files.find((f) => f.main && f.mediaType === 'application/pdf') ??
    work.files.find((f) => f.mediaType === 'application/pdf') ??
    null
  );
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** "10.1234/x", "doi:10.1234/x" and "https://doi.org/10.1234/x" all name the same DOI. */
export function bareDoi(raw: string | null): string | null {
  if (!raw) return null;
  const doi = raw.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}

/** How a piece is cited: by its type, and by where it first appeared. */
export function workKind(
  type: PublicationType,
  venueKind: 'journal' | 'event' | 'other' | null,
): WorkKind {
  if (type === 'page') return 'page';
  if (type === 'report' || type === 'imagery-report') return 'report';
  if (type === 'book') return 'book';
  if (type === 'interview') return 'interview';
  if (venueKind === 'event') return 'speech';
  if (venueKind === 'journal') return 'journal-article';
  return 'web-article';
}

/** The interface a piece in `language` is read in, so the locale of its canonical address. */
export function canonicalLocale(language: string): 'en' | 'ko' {
  return language === 'ko' || language.startsWith('ko-') ? 'ko' : 'en';
}
