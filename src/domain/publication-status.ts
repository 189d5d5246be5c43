/**
 * The single rule of what the public may see. Every public surface (pages, search, counts, feeds,
 * sitemap, API, OAI, exports) goes through this rule or its SQL twin in `db/public-visibility.ts`;
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
 * A withdrawn piece that the public once saw keeps a tombstone (410, OAI deleted record); one
 * that never went out stays invisible, as if it never existed.
 */
export function isTombstone(p: VisibilityFacts & { withdrawnAt: string | null }): boolean {
  if (p.status !== 'withdrawn' || p.deletedAt !== null) return false;
  if (p.publishedAt === null || p.withdrawnAt === null) return false;
  const wentOut =
    p.embargoUntil === null || p.embargoUntil < p.withdrawnAt ? p.publishedAt : p.embargoUntil;
  return wentOut <= p.withdrawnAt;
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
