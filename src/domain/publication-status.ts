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
  const at = now.toISOString();
  return (
    p.status === 'published' &&
    p.deletedAt === null &&
    p.publishedAt !== null &&
    p.publishedAt <= at &&
    (p.embargoUntil === null || p.embargoUntil <= at)
  );
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
