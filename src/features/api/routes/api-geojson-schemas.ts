import { z } from '@hono/zod-openapi';
import { PLACE_KINDS } from '../../../core/content-types.ts';
import { placeInput } from '../../../core/schemas.ts';

/**
 * GeoJSON as the API serves it (RFC 7946): positions are [longitude, latitude] in WGS 84,
 * outlines follow the right-hand rule (exterior rings counterclockwise, holes clockwise), rings
 * are closed, and none crosses the antimeridian (such an outline is refused when saved).
 */
const position = z
  .array(z.number())
  .min(2)
  .max(3)
  .openapi('Position', { description: '[longitude, latitude] in decimal degrees, WGS 84.' });

const ring = z.array(position).min(4);

export const polygonSchema = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) })
  .openapi('Polygon');

export const multiPolygonSchema = z
  .object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
  .openapi('MultiPolygon');

const pointSchema = z.object({ type: z.literal('Point'), coordinates: position }).openapi('Point');

/** A place's outline: a Polygon or MultiPolygon. */
export const outlineSchema = z.union([polygonSchema, multiPolygonSchema]).openapi('Outline', {
  description:
    'GeoJSON Polygon or MultiPolygon (RFC 7946), exterior rings counterclockwise. On input, a Feature holding one is accepted too, rings are rewound to this rule, and an outline crossing the antimeridian is refused (split it at 180° into a MultiPolygon).',
});

/** What a write may send: an outline, a Feature holding one, or null for none. */
const outlineInputSchema = z
  .union([
    outlineSchema,
    z.object({
      type: z.literal('Feature'),
      geometry: outlineSchema,
      properties: z.record(z.string(), z.unknown()).nullable().optional(),
    }),
    z.null(),
  ])
  .optional()
  .openapi({
    description:
      'The outline, or a Feature holding one; null for none. Needs footprintSource. It is checked against RFC 7946 (WGS 84 ranges, closed rings of at least four positions, no crossing of the antimeridian) and stored by the right-hand rule.',
  });

/** The outline of a place written through the API: documented by shape, read by core/geojson.ts. */
export const outlineBodySchema = outlineInputSchema.transform((value, ctx) => {
  const read = placeInput.shape.footprint.safeParse(value);
  if (read.success) return read.data;
  for (const issue of read.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
  return z.NEVER;
});

export const placeFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string().openapi({ description: '`{slug}#point` or `{slug}#outline`.' }),
    geometry: z.union([pointSchema, polygonSchema, multiPolygonSchema]),
    properties: z.object({
      slug: z.string(),
      kind: z.enum(PLACE_KINDS),
      name: z.string().openapi({ description: 'The name English pages lead with.' }),
      names: z.record(z.string(), z.string()).openapi({
        description: 'One name per language tag (en, ko, ko-Latn…): the preferred, else the first.',
      }),
      mark: z.enum(['point', 'outline']),
      source: z.string().openapi({ description: 'The public source of this geometry.' }),
    }),
  })
  .openapi('PlaceFeature');

export const placeFeatureCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(placeFeatureSchema) })
  .openapi('PlaceFeatureCollection');
