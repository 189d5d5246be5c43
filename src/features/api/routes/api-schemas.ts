import { z } from '@hono/zod-openapi';
import {
  ATTACHMENT_ROLES,
  CONTRIBUTION_ROLES,
  CREDITS,
  DATE_PRECISIONS,
  NAME_SCHEMES,
  PLACE_KINDS,
  PUBLICATION_TYPES,
} from '../../../core/content-types.ts';
import { PUBLICATION_STATUSES } from '../../../core/publication-status.ts';
import { MAX_RECORD_ID, recordIdFrom } from '../../../core/record-id.ts';
import {
  contributionInput,
  personInput,
  personRoleInput,
  placeInput,
  placeNameInput,
  publicationInput,
  topicInput,
} from '../../../core/schemas.ts';
import { outlineBodySchema, outlineSchema } from './api-geojson-schemas.ts';
import { sceneSchema } from './api-scene-schemas.ts';

/**
 * The API's schemas. Request bodies are the content model's own zod schemas (domain/schemas.ts),
 * made strict at every level so that an unknown key (`__proto__` included) is a 400, not a
 * silently dropped field; the OpenAPI document is generated from these same objects.
 */

// ---- Request bodies -------------------------------------------------------------------------

const contributions = z.array(contributionInput.strict()).max(200).default([]);
const version = z.number().int().positive().openapi({
  description: 'The version the change was made from; a stale one is answered with 409.',
});

export const publicationCreateBody = publicationInput
  .safeExtend({ contributions })
  .strict()
  .openapi('PublicationInput');

export const publicationUpdateBody = publicationInput
  .safeExtend({ contributions, version })
  .strict()
  .openapi('PublicationUpdate');

export const publishBody = z.object({ version }).strict().openapi('PublishInput');

export const withdrawBody = z
  .object({
    version,
    reason: z.string().min(1).max(5000).openapi({ description: 'Why, in words readers see.' }),
  })
  .strict()
  .openapi('WithdrawInput');

export const personBody = personInput
  .safeExtend({ roles: z.array(personRoleInput.strict()).max(100).default([]) })
  .strict()
  .openapi('PersonInput');

export const topicBody = topicInput.strict().openapi('TopicInput');

export const placeBody = placeInput
  .safeExtend({
    footprint: outlineBodySchema,
    names: z.array(placeNameInput.strict()).min(1, 'A place needs at least one name').max(100),
  })
  .strict()
  .openapi('PlaceInput');

// ---- Parameters -----------------------------------------------------------------------------

export const idParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'An id is a positive whole number')
    .refine((v) => recordIdFrom(v) !== null, `No id is larger than ${MAX_RECORD_ID}`)
    .openapi({ param: { name: 'id', in: 'path' }, example: '12' }),
});

const slugFilter = (what: string) =>
  z
    .string()
    .max(200)
    .optional()
    .openapi({ description: `The ${what}'s slug.` });

export const publicationListQuery = z.object({
  section: slugFilter('section'),
  type: z.enum(PUBLICATION_TYPES).optional(),
  status: z
    .enum(PUBLICATION_STATUSES)
    .optional()
    .openapi({ description: 'Only meaningful with a read-drafts token.' }),
  language: z.string().max(20).optional(),
  person: slugFilter('person'),
  topic: slugFilter('topic'),
  place: slugFilter('place (and every place inside it)'),
  year: z
    .string()
    .regex(/^\d{4}$/, 'A year has four digits')
    .optional(),
  q: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: 'Words that must all appear in the title, subtitle or summary.' }),
  updated_since: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Only what changed at or after this instant (for syncing).' }),
  include_withdrawn: z.enum(['true', 'false']).optional().openapi({
    description:
      'Also list withdrawn pieces the public once saw (status withdrawn), so a mirror can drop them. Their own address answers 410.',
  }),
  cursor: z.string().max(500).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional()
    .openapi({ description: '1 to 100; 20 unless given.' }),
});

export const publicationRefQuery = z.object({
  section: slugFilter('section').openapi({
    description: 'Which section, when the slug is used in more than one.',
  }),
});

export const uploadQuery = z.object({
  file_name: z.string().min(1).max(255),
  role: z.enum(ATTACHMENT_ROLES),
  title: z.string().max(500).optional(),
  alt_text: z.string().max(2000).optional(),
  caption: z.string().max(2000).optional(),
  credit: z.string().max(500).optional(),
});

// ---- Responses ------------------------------------------------------------------------------

const instant = z.string().openapi({ format: 'date-time' });

/** How every record of the catalog is named: its id and its slug. */
const ref = { id: z.number().int(), slug: z.string() };

/** A catalog record known by a name in English and, when it has one, in Korean. */
const named = { ...ref, name: z.string(), nameKo: z.string().nullable() };

export const sectionSchema = z
  .object({
    ...ref,
    title: z.string(),
    titleKo: z.string().nullable(),
    description: z.string().nullable(),
    descriptionKo: z.string().nullable(),
    disclaimer: z.string().nullable(),
    disclaimerKo: z.string().nullable(),
    position: z.number().int(),
    updatedAt: instant,
  })
  .openapi('Section');

export const organizationRefSchema = z.object(named).openapi('OrganizationRef');

export const personSchema = z
  .object({
    ...ref,
    name: z.string(),
    sortName: z.string(),
    nameKo: z.string().nullable(),
    /** Where the Korean name is published; the public pages show the name only with it. */
    nameKoSource: z.string().nullable(),
    bio: z.string().nullable(),
    bioKo: z.string().nullable(),
    orcid: z.string().nullable(),
    roles: z.array(
      z.object({
        title: z.string(),
        organization: organizationRefSchema.nullable(),
        startsOn: z.string().nullable(),
        endsOn: z.string().nullable(),
      }),
    ),
    updatedAt: instant,
  })
  .openapi('Person');

export const topicSchema = z.object(named).openapi('Topic');

export const placeSchema = z
  .object({
    ...ref,
    kind: z.enum(PLACE_KINDS),
    parentId: z.number().int().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    coordinatesSource: z.string().nullable(),
    footprint: outlineSchema.nullable(),
    footprintSource: z.string().nullable(),
    names: z.array(
      z.object({
        name: z.string(),
        language: z.string(),
        scheme: z.enum(NAME_SCHEMES),
        preferred: z.boolean(),
      }),
    ),
    updatedAt: instant,
  })
  .openapi('Place');

export const attachmentSchema = z
  .object({
    fileName: z.string(),
    role: z.enum(ATTACHMENT_ROLES),
    title: z.string().nullable(),
    altText: z.string().nullable(),
    caption: z.string().nullable(),
    credit: z.string().nullable(),
    mediaType: z.string(),
    byteSize: z.number().int(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    pageCount: z.number().int().nullable(),
    /** Where the API serves the bytes. */
    url: z.string(),
  })
  .openapi('Attachment');

const publicationFields = {
  id: z.number().int(),
  section: z.object(ref),
  slug: z.string(),
  type: z.enum(PUBLICATION_TYPES),
  title: z.string(),
  subtitle: z.string().nullable(),
  summary: z.string().nullable(),
  language: z.string(),
  status: z.enum(PUBLICATION_STATUSES),
  publishedAt: instant.nullable(),
  publishedPrecision: z.enum(DATE_PRECISIONS).openapi({
    description:
      'How much of publishedAt the source printed: with "month" only its year and month are known, with "year" only its year.',
  }),
  revisedAt: instant.nullable(),
  updatedAt: instant,
  /** When the public last saw it change: the order of the list and of `updated_since`. */
  datestamp: instant,
  version: z.number().int(),
  /** The reading page, when the publication is public. */
  url: z.string().nullable(),
};

export const publicationSummarySchema = z.object(publicationFields).openapi('PublicationSummary');

export const publicationSchema = z
  .object({
    ...publicationFields,
    body: z.string(),
    bodyHtml: z.string(),
    translationGroup: z.string().nullable(),
    scheduledAt: instant.nullable(),
    embargoUntil: instant.nullable(),
    withdrawnAt: instant.nullable(),
    withdrawnReason: z.string().nullable(),
    venue: organizationRefSchema.nullable(),
    externalUrl: z.string().nullable(),
    excerptOnly: z.boolean(),
    series: z.object({ ...ref, title: z.string(), position: z.number() }).nullable(),
    reportNumber: z.string().nullable(),
    doi: z.string().nullable(),
    disclaimer: z.string().nullable(),
    /** An editors' note; null for public readers. */
    needsAttention: z.string().nullable(),
    contributors: z.array(
      z.object({
        person: z.object({ ...ref, name: z.string(), sortName: z.string() }),
        role: z.enum(CONTRIBUTION_ROLES),
        credit: z.enum(CREDITS),
        /** The affiliation exactly as printed when the piece appeared. */
        affiliationLabel: z.string().nullable(),
      }),
    ),
    topics: z.array(topicSchema),
    places: z.array(placeSchema),
    attachments: z.array(attachmentSchema),
    /** Its satellite scenes: those the public sees, or every one for who reads its drafts. */
    scenes: z.array(sceneSchema),
    translations: z.array(
      z.object({
        id: z.number().int(),
        language: z.string(),
        title: z.string(),
        section: z.string(),
        slug: z.string(),
      }),
    ),
  })
  .openapi('Publication');

export const publicationPageSchema = z
  .object({
    items: z.array(publicationSummarySchema),
    /** How many match in all, across every page. */
    total: z.number().int(),
    /** Pass as `cursor` for the next page; null on the last. */
    nextCursor: z.string().nullable(),
  })
  .openapi('PublicationPage');

export const listOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), total: z.number().int() }).openapi(name);
