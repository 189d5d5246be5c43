import { markdownToText } from '../../core/markdown/markdown.ts';
import type { ContributorView, EntryView, FileView } from '../../core/public-views.ts';
import { nameFromSortName } from './person-name.ts';
import type { ScholarlyContext } from './scholarly-context.ts';
import {
  bareDoi,
  type ScholarlyWork,
  type WorkContributor,
  type WorkFile,
  type WorkPlace,
  workKind,
} from './work.ts';

/** The parts of a publication that a listing entry lacks and a page or a harvest supplies. */
export interface WorkExtras {
  keywords: string[];
  places: WorkPlace[];
  files: FileView[];
  series: { title: string; position: number } | null;
}

const AUTHOR_ROLES = new Set(['author', 'interviewee', 'imagery-analyst']);

/** A public entry, with its extras, as the scholarly formats see it. */
export function buildWork(
  ctx: ScholarlyContext,
  entry: EntryView,
  extras: WorkExtras,
): ScholarlyWork {
  const people = entry.contributors.map((c) => contributor(ctx, c));
  const by = (roles: (role: string) => boolean) => people.filter((p) => roles(p.role));
  const venueKind = entry.venue
    ? entry.venue.kind === 'venue'
      ? 'journal'
      : entry.venue.kind === 'event'
        ? 'event'
        : 'other'
    : null;
  const issued = entry.publishedAt.slice(0, 10);
  const revised =
    entry.revisedAt && entry.revisedAt.slice(0, 10) !== issued
      ? entry.revisedAt.slice(0, 10)
      : null;
  return {
    id: entry.id,
    kind: workKind(entry.type, venueKind),
    type: entry.type,
    title: entry.title,
    subtitle: entry.subtitle,
    language: entry.language,
    authors: by((r) => AUTHOR_ROLES.has(r)),
    editors: by((r) => r === 'editor'),
    translators: by((r) => r === 'translator'),
    interviewers: by((r) => r === 'interviewer'),
    others: by((r) => r === 'photographer'),
    issued,
    revised,
    url: `${ctx.publicUrl}${entry.path}`,
    files: extras.files.map((f) => file(ctx, f)),
    publisher: ctx.publisher,
    venue:
      entry.venue && venueKind
        ? { name: entry.venue.name, url: entry.venue.url, kind: venueKind }
        : null,
    siteName: ctx.siteName,
    reportNumber: entry.reportNumber,
    doi: bareDoi(entry.doi),
    keywords: extras.keywords,
    places: extras.places,
    abstract: entry.summary ? markdownToText(entry.summary) : null,
    series: extras.series,
    excerptOnly: entry.excerptOnly,
  };
}

/**
 * A contributor with the institution behind the affiliation printed with the piece: the
 * organization of the person's role of that title, else the printed words themselves. Without a
 * printed affiliation none is claimed: today's role says nothing about a piece from 2013.
 */
function contributor(ctx: ScholarlyContext, c: ContributorView): WorkContributor {
  const person = ctx.people.get(c.personSlug);
  const role = c.affiliation ? person?.roles.find((r) => r.title === c.affiliation) : undefined;
  const org = role?.organizationId ? ctx.organizations.get(role.organizationId) : undefined;
  return {
    displayName: c.name,
    name: nameFromSortName(person?.sortName ?? c.name, c.name),
    role: c.role,
    institution: org?.name ?? c.affiliation,
    printedAffiliation: c.affiliation,
    orcid: person?.orcid ?? null,
    profileUrl: `${ctx.publicUrl}/people/${c.personSlug}/`,
  };
}

function file(ctx: ScholarlyContext, f: FileView): WorkFile {
  return {
    url: `${ctx.publicUrl}${f.path}`,
    mediaType: f.mediaType,
    byteSize: f.byteSize,
    title: f.title,
    main: f.role === 'main-pdf',
  };
}
