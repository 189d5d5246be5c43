import { z } from '@hono/zod-openapi';
import { polygonSchema } from './api-geojson-schemas.ts';

/** Where a public scene is served on the site: paths below its public URL. */
const sceneLinksSchema = z
  .object({
    page: z.string().openapi({ description: 'The scene’s page: /iiif/{id}/' }),
    info: z.string().openapi({ description: 'The IIIF Image API 3.0 level 0 info.json' }),
    manifest: z.string().openapi({ description: 'The IIIF Presentation 3 manifest' }),
    annotations: z.string().openapi({ description: 'Its callouts as W3C Web Annotations' }),
    download: z.string().nullable().openapi({
      description:
        'The full-resolution file, its georeferencing kept and other metadata dropped; null until it is made.',
    }),
    still: z.string().nullable().openapi({
      description: 'A JPEG copy about 960 pixels wide, for a preview; null until it is made.',
    }),
  })
  .openapi('SceneLinks');

export const sceneSchema = z
  .object({
    id: z.number().int().openapi({ description: 'The image’s id, in every address of the scene.' }),
    caption: z.string().nullable(),
    captionKo: z.string().nullable(),
    alt: z.string().nullable(),
    altKo: z.string().nullable(),
    capturedOn: z.string().nullable().openapi({ format: 'date', description: 'YYYY-MM-DD' }),
    sensor: z.string().nullable(),
    provider: z.string().nullable(),
    credit: z.string().nullable(),
    licence: z.string().nullable(),
    illustrative: z.boolean().openapi({
      description: 'Made to show how the archive works, not a capture of the ground.',
    }),
    width: z.number().int(),
    height: z.number().int(),
    places: z.array(z.object({ id: z.number().int(), slug: z.string(), name: z.string() })),
    /** The ground it covers (WGS 84), read from a georeferenced file; null when not known. */
    footprint: z.union([polygonSchema, z.null()]),
    public: z.boolean().openapi({
      description:
        'Whether the public sees it now: its publication is public, its body places it and its tiles are made. Only a read-drafts token is shown scenes that are not.',
    }),
    links: sceneLinksSchema.nullable().openapi({ description: 'Null while it is not public.' }),
  })
  .openapi('Scene');
