import { isoDateAt } from '../../core/date-precision.ts';
import { markdownToText } from '../../core/markdown/markdown.ts';
import type { ContributorView, EntryView, FileView } from '../../core/public-views.ts';
import { href } from '../../ui/components/links.ts';
import { nameFromSortName } from './person-name.ts';
import type { ScholarlyContext } from './scholarly-context.ts';
import {
  bareDoi,
  canonicalLocale,
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
  const primary = people.filter((_, i) => entry.contributors[i]!.credit !== 'secondary');
  const by = (roles: (role: string) => boolean) => primary.filter((p) => roles(p.role));
  // A venue that had only announced the piece is not where it was published: the citation
  // names the archive's posting instead, never the journal on the archive's date.
  const venueKind =
    entry.venue && entry.venueStatus !== 'forthcoming'
      ? entry.venue.kind === 'venue'
        ? 'journal'
        : entry.venue.kind === 'event'
          ? 'event'
          : 'other'
      : null;
  const issued = isoDateAt(entry.publishedAt, entry.publishedPrecision);
  const revised =
    entry.revisedAt && entry.revisedAt.slice(0, 10) !== entry.publishedAt.slice(0, 10)
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
    collaborators: people.filter((_, i) => entry.contributors[i]!.credit === 'secondary'),
    editors: by((r) => r === 'editor'),
    translators: by((r) => r === 'translator'),
    interviewers: by((r) => r === 'interviewer'),
    others: by((r) => r === 'photographer'),
    issued,
    revised,
    url: `${ctx.publicUrl}${href(canonicalLocale(entry.language), entry.path)}`,
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
    abstract: entry.summary ? abstractOf(entry, markdownToText(entry.summary)) : null,
    series: extras.series,
    excerptOnly: entry.excerptOnly,
  };
}

/**
 * The summary as the abstract, said to be the archive's where the archive wrote it: every format
 * that carries the abstract (Highwire, Dublin Core, RIS, BibTeX, CSL-JSON, JSON-LD) then carries
 * that it is not the authors' text.
 */
function abstractOf(entry: EntryView, text: string): string {
  if (entry.archiveText !== 'summary' && entry.archiveText !== 'summary-and-body') return text;
  return entry.language === 'ko'
    ? `[저자가 아닌 아카이브가 쓴 요약] ${text}`
    : `[Summary by the archive, not by the author] ${text}`;
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
