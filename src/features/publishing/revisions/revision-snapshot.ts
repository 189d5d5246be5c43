import type { PublicationRecord } from '../../../core/entities.ts';
import type { PublicationInput } from '../../../core/schemas.ts';

/**
 * What restoring a revision brings back: the content of the snapshot. The publication keeps its
 * address and its place in the workflow (status, schedule, withdrawal): bringing back old words
 * must not move a page to another URL, unpublish it, or publish it past an editor.
 */
const KEPT_FROM_CURRENT = [
  'sectionId',
  'slug',
  'status',
  'scheduledAt',
  'withdrawnReason',
] as const;

const RESTORED = [
  'type',
  'title',
  'subtitle',
  'summary',
  'body',
  'language',
  'translationGroup',
  'publishedAt',
  'publishedPrecision',
  'revisedAt',
  'embargoUntil',
  'venueId',
  'externalUrl',
  'excerptOnly',
  'seriesId',
  'seriesPosition',
  'reportNumber',
  'doi',
  'disclaimer',
  'keywords',
  'archiveText',
  'translatedById',
  'venueStatus',
  'needsAttention',
  'contributions',
  'topicIds',
  'placeIds',
] as const satisfies ReadonlyArray<keyof PublicationInput>;

/**
 * The input of the save that restores `snapshot` over `current`. A field missing from an old
 * snapshot keeps its current value; the save's schema validates the rest.
 */
export function restoredInput(snapshot: unknown, current: PublicationRecord): PublicationInput {
  const stored = (snapshot ?? {}) as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const key of KEPT_FROM_CURRENT) input[key] = current[key];
  for (const key of RESTORED) input[key] = key in stored ? stored[key] : current[key];
  const contributions = Array.isArray(input.contributions) ? input.contributions : [];
  input.contributions = contributions.map((c: Record<string, unknown>) => ({
    personId: c.personId,
    role: c.role,
    credit: c.credit,
    affiliationLabel: c.affiliationLabel ?? null,
  }));
  return input as PublicationInput;
}
