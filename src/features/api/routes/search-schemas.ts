import { z } from '@hono/zod-openapi';
import { DATE_PRECISIONS } from '../../../core/content-types.ts';

/** The search API's query parameters and result: the search page's own request and result. */

export const searchQuery = z.object({
  q: z.string().max(1000).openapi({ description: 'The query, with the search page syntax.' }),
  section: z.string().max(200).optional(),
  type: z.string().max(50).optional(),
  person: z.string().max(200).optional(),
  topic: z.string().max(200).optional(),
  place: z.string().max(200).optional(),
  language: z.string().max(20).optional(),
  year_from: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  year_to: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  sort: z.enum(['relevance', 'newest', 'oldest']).optional(),
  page: z
    .string()
    .regex(/^\d{1,5}$/)
    .optional(),
  page_size: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional(),
  facets: z.enum(['true', 'false']).optional().openapi({
    description:
      'false: leave out the facet counts, for a faster page of results (clients paging through a result set need them once).',
  }),
});

const segments = z.array(z.object({ text: z.string(), highlighted: z.boolean() }));
const facetValues = z.array(
  z.object({
    value: z.string(),
    label: z.string(),
    labelKo: z.string().nullable(),
    count: z.number().int(),
    selected: z.boolean(),
  }),
);

export const searchResultSchema = z
  .object({
    query: z.string(),
    total: z.number().int().openapi({
      description:
        'Visible results. With totalExact false (facets=false and more than 1,000 results, or more than the page asked for reaches), a lower bound.',
    }),
    totalExact: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    sort: z.enum(['relevance', 'newest', 'oldest']),
    hits: z.array(
      z.object({
        publicationId: z.number().int(),
        sectionSlug: z.string(),
        slug: z.string(),
        title: z.string(),
        titleSegments: segments,
        type: z.string(),
        language: z.string(),
        publishedAt: z.string().openapi({ format: 'date-time' }).nullable(),
        /** How much of `publishedAt` the source printed: 'day', 'month' or 'year'. */
        publishedPrecision: z.enum(DATE_PRECISIONS),
        score: z.number(),
        snippet: segments,
        pdf: z.array(
          z.object({
            fileName: z.string(),
            matchingPages: z.number().int(),
            pages: z.array(
              z.object({
                page: z.number().int(),
                snippet: segments,
                /** Present when the page is a scan whose text was recognized (OCR). */
                recognized: z.object({ confidence: z.number() }).optional(),
              }),
            ),
          }),
        ),
      }),
    ),
    facets: z
      .object({
        type: facetValues,
        section: facetValues,
        person: facetValues,
        topic: facetValues,
        place: facetValues,
        language: facetValues,
        year: facetValues,
        yearRange: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
      })
      .nullable(),
    suggestion: z.object({ q: z.string(), total: z.number().int() }).nullable(),
    message: z.string().nullable(),
    notes: z.array(z.string()),
  })
  .openapi('SearchResult');
