import { z } from 'zod';
import {
  ARCHIVE_TEXTS,
  ATTACHMENT_ROLES,
  CONTRIBUTION_ROLES,
  CREDITS,
  DATE_PRECISIONS,
  NAME_SCHEMES,
  ORGANIZATION_KINDS,
  PLACE_KINDS,
  PUBLICATION_TYPES,
  USER_ROLES,
  VENUE_STATUSES,
} from './content-types.ts';
import { type Outline, readOutline } from './geojson.ts';
import { footnoteLimitProblem } from './markdown/markdown-footnotes.ts';
import { PUBLICATION_STATUSES } from './publication-status.ts';
import { sectionSlugSchema, slugSchema } from './slug.ts';

/**
 * The zod schemas of the content model: one definition validates forms, imports and the API.
 * Texts are trimmed and Unicode-normalized (NFC) so that the same words are stored the same way.
 */
const text = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    // No text holds a NUL, and PostgreSQL could not store one: say so rather than fail later.
    .refine((s) => !s.includes('\u0000'), { message: 'Remove the NUL character (U+0000)' })
    .transform((s) => s.normalize('NFC').trim());
const requiredText = (max: number) =>
  text(max).refine((s) => s.length > 0, { message: 'Required' });
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((s) => (s ? s : null));

/** ISO-8601 instants, always stored in UTC with milliseconds so that text order is time order. */
export const instantSchema = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const d = typeof v === 'string' ? new Date(v) : v;
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'Not a valid date and time' });
    return z.NEVER;
  }
  return d.toISOString();
});
export const optionalInstant = instantSchema.nullish().transform((v) => v ?? null);

/** A calendar day, as used for roles held over time ("Co-Chair, 2012–2015"). */
export const daySchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Use YYYY, YYYY-MM or YYYY-MM-DD');

export const languageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en or ko');

const urlSchema = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'Only http and https links' });

export const sectionInput = z.object({
  slug: sectionSlugSchema,
  title: requiredText(200),
  titleKo: optionalText(200),
  description: optionalText(5000),
  descriptionKo: optionalText(5000),
  disclaimer: optionalText(5000),
  disclaimerKo: optionalText(5000),
  listDisclaimer: optionalText(5000),
  listDisclaimerKo: optionalText(5000),
  position: z.number().int().min(0).default(0),
});
export type SectionInput = z.input<typeof sectionInput>;

export const organizationInput = z.object({
  slug: slugSchema,
  name: requiredText(300),
  nameKo: optionalText(300),
  kind: z.enum(ORGANIZATION_KINDS),
  url: urlSchema.nullish().transform((v) => v ?? null),
});
export type OrganizationInput = z.input<typeof organizationInput>;

export const personRoleInput = z.object({
  title: requiredText(300),
  organizationId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  startsOn: daySchema.nullish().transform((v) => v ?? null),
  endsOn: daySchema.nullish().transform((v) => v ?? null),
});

export const personInput = z.object({
  slug: slugSchema,
  name: requiredText(300),
  sortName: requiredText(300),
  nameKo: optionalText(300),
  nameKoSource: optionalText(1000),
  bio: optionalText(20000),
  bioKo: optionalText(20000),
  orcid: z
    .string()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'An ORCID looks like 0000-0002-1825-0097')
    .nullish()
    .transform((v) => v ?? null),
  roles: z.array(personRoleInput).max(100).default([]),
});
export type PersonInput = z.input<typeof personInput>;

export const topicInput = z.object({
  slug: slugSchema,
  name: requiredText(200),
  nameKo: optionalText(200),
});
export type TopicInput = z.input<typeof topicInput>;

export const placeNameInput = z.object({
  name: requiredText(300),
  language: languageTagSchema,
  scheme: z.enum(NAME_SCHEMES),
  preferred: z.boolean().default(false),
});

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** An outline as pasted or sent (core/geojson.ts reads it); null or absent for none. */
const outlineSchema = z
  .unknown()
  .optional()
  .transform((value, ctx): Outline | null => {
    if (value === null || value === undefined) return null;
    const read = readOutline(value);
    if (read.ok) return read.outline;
    ctx.addIssue({ code: 'custom', message: read.problem });
    return z.NEVER;
  });

export const placeInput = z
  .object({
    slug: slugSchema,
    kind: z.enum(PLACE_KINDS),
    parentId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    latitude: latitude.nullish().transform((v) => v ?? null),
    longitude: longitude.nullish().transform((v) => v ?? null),
    /** Where the coordinates come from. Wrong coordinates for a prison camp do real harm. */
    coordinatesSource: optionalText(1000),
    parentSource: optionalText(1000),
    /** A GeoJSON Polygon or MultiPolygon, stored by the right-hand rule (core/geojson.ts). */
    footprint: outlineSchema,
    footprintSource: optionalText(1000),
    names: z.array(placeNameInput).min(1, 'A place needs at least one name').max(100),
  })
  .refine((p) => (p.latitude === null) === (p.longitude === null), {
    message: 'Give both latitude and longitude, or neither',
    path: ['latitude'],
  })
  .refine((p) => p.latitude === null || p.coordinatesSource !== null, {
    message: 'Coordinates need a source',
    path: ['coordinatesSource'],
  })
  .refine((p) => p.footprint === null || p.footprintSource !== null, {
    message: 'An outline needs a source',
    path: ['footprintSource'],
  });
export type PlaceInput = z.input<typeof placeInput>;

export const seriesInput = z.object({
  slug: slugSchema,
  title: requiredText(300),
  titleKo: optionalText(300),
  source: optionalText(1000),
});
export type SeriesInput = z.input<typeof seriesInput>;

export const contributionInput = z.object({
  personId: z.number().int().positive(),
  role: z.enum(CONTRIBUTION_ROLES).default('author'),
  credit: z.enum(CREDITS).default('primary'),
  /** The affiliation exactly as printed when the piece appeared ("HRNK Co-Chair"). */
  affiliationLabel: optionalText(300),
});

export const publicationInput = z
  .object({
    sectionId: z.number().int().positive(),
    slug: slugSchema,
    type: z.enum(PUBLICATION_TYPES),
    title: requiredText(500),
    subtitle: optionalText(500),
    summary: optionalText(20000),
    body: text(2_000_000)
      .superRefine((body, ctx) => {
        const problem = footnoteLimitProblem(body);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default(''),
    language: languageTagSchema.default('en'),
    translationGroup: optionalText(100),
    status: z.enum(PUBLICATION_STATUSES).default('draft'),
    publishedAt: optionalInstant,
    publishedPrecision: z.enum(DATE_PRECISIONS).default('day'),
    revisedAt: optionalInstant,
    scheduledAt: optionalInstant,
    embargoUntil: optionalInstant,
    withdrawnReason: optionalText(5000),
    venueId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    venueStatus: z.enum(VENUE_STATUSES).default('published'),
    externalUrl: urlSchema.nullish().transform((v) => v ?? null),
    /** Only an excerpt lives here; readers "continue reading" at the venue. */
    excerptOnly: z.boolean().default(false),
    seriesId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    seriesPosition: z
      .number()
      .int()
      .min(1)
      .nullish()
      .transform((v) => v ?? null),
    reportNumber: optionalText(100),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'A DOI looks like 10.1234/abc')
      .nullish()
      .transform((v) => v ?? null),
    disclaimer: optionalText(5000),
    keywords: optionalText(2000),
    archiveText: z
      .enum(ARCHIVE_TEXTS)
      .nullish()
      .transform((v) => v ?? null),
    translatedById: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    needsAttention: optionalText(2000),
    contributions: z.array(contributionInput).max(200).default([]),
    topicIds: z.array(z.number().int().positive()).max(200).default([]),
    placeIds: z.array(z.number().int().positive()).max(200).default([]),
  })
  .refine((p) => (p.seriesId === null) === (p.seriesPosition === null), {
    message: 'A series needs a position, and a position needs a series',
    path: ['seriesPosition'],
  });
export type PublicationInput = z.input<typeof publicationInput>;
export type PublicationData = z.output<typeof publicationInput>;

export const attachmentInput = z.object({
  role: z.enum(ATTACHMENT_ROLES),
  fileName: requiredText(255),
  title: optionalText(500),
  altText: optionalText(2000),
  caption: optionalText(2000),
  credit: optionalText(500),
});

export const userInput = z.object({
  email: z
    .string()
    .max(320)
    .email()
    .transform((e) => e.toLowerCase()),
  displayName: requiredText(200),
  role: z.enum(USER_ROLES),
});
