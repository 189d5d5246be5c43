/**
 * The single rule of what the public may see. Every public surface (pages, search, counts, feeds,
 * sitemap, API, OAI, exports) goes through this rule or its SQL twin in `infra/db/public-visibility.ts`;
 * a test holds the two to the same answers.
 */
export const PUBLICATION_STATUSES = [
  'draft',
  'in-review',
  'scheduled',
  'published',
  'withdrawn',
] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export interface VisibilityFacts {
  status: PublicationStatus;
  publishedAt: string | null;
  embargoUntil: string | null;
  deletedAt: string | null;
}

export function isPubliclyVisible(p: VisibilityFacts, now: Date): boolean {
  const from = visibleFrom(p);
  return from !== null && from <= now.toISOString();
}

/**
 * The instant from which the public may see a record as it stands (its date, or the end of its
 * embargo if later), or null if no passing of time will show it: a draft, a withdrawn piece,
 * one in the trash. Instants are ISO text, compared as text like the SQL twin compares them.
 */
export function visibleFrom(p: VisibilityFacts): string | null {
  if (p.status !== 'published' || p.deletedAt !== null || p.publishedAt === null) return null;
  return p.embargoUntil !== null && p.embargoUntil > p.publishedAt ? p.embargoUntil : p.publishedAt;
}

/**
 * What the archive records of a piece's public life, as facts rather than inferences from its
 * dates: the first moment the public could see it, and the moment a write last took it out of
 * view (meaningful only while it is not public). `nextPublicRecord` keeps both, and only the
 * writes of publications call it.
 */
export interface PublicRecord {
  publicFrom: string | null;
  publicUntil: string | null;
}

/**
 * The record after a write that turns `before` into `after` at `now`. A piece can become public
 * by the passing of time alone (its date or embargo arrives with no write), so the record is
 * completed from what the public could see just before the write as well as just after it.
 */
export function nextPublicRecord(
  before: (VisibilityFacts & PublicRecord) | null,
  after: VisibilityFacts,
  now: Date,
): PublicRecord {
  let publicFrom = before?.publicFrom ?? null;
  let publicUntil = before?.publicUntil ?? null;
  const wasPublic = before !== null && isPubliclyVisible(before, now);
  if (wasPublic) publicFrom ??= visibleFrom(before);
  if (isPubliclyVisible(after, now)) {
    publicFrom ??= visibleFrom(after);
    publicUntil = null;
  } else if (wasPublic) {
    publicUntil = now.toISOString();
  }
  return { publicFrom, publicUntil };
}

/**
 * A withdrawn piece that the public once saw keeps a tombstone (410, OAI deleted record); one
 * that never went out stays invisible, as if it never existed. Decided by the record alone.
 */
export function isTombstone(p: {
  status: PublicationStatus;
  deletedAt: string | null;
  publicFrom: string | null;
}): boolean {
  return p.status === 'withdrawn' && p.deletedAt === null && p.publicFrom !== null;
}

/**
 * When the public last saw a record change: its last save, or the moment it went out (its date
 * or the end of its embargo) or was withdrawn, whichever is latest. A piece saved in March to go
 * out in May changes, for the public, in May; OAI datestamps and sitemap dates use this, so a
 * harvester that asks for changes since April does get it.
 */
export function publicDatestamp(p: {
  updatedAt: string;
  publishedAt: string | null;
  embargoUntil: string | null;
  withdrawnAt: string | null;
}): string {
  let latest = p.updatedAt;
  for (const at of [p.publishedAt, p.embargoUntil, p.withdrawnAt])
    if (at !== null && at > latest) latest = at;
  return latest;
}
