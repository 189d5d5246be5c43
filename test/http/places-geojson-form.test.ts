import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { backOfficeAs, fieldValue, sentBack } from '../admin/back-office-support.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { unique } from '../support/factories.ts';
import { CAMP_OUTLINE } from './places-geojson-rules.ts';

const SOURCE = 'Illustrative outline drawn for this test';

describeEachDatabase('the place form: outlines', (db) => {
  let ctx: AppContext;
  let editor: Browserish;
  const form = (fields: Record<string, string>) =>
    editor.submit('/admin/places/new', '/admin/places', {
      slug: unique('walled-site'),
      kind: 'facility',
      'names[0][name]': 'Walled site',
      'names[0][language]': 'en',
      'names[0][scheme]': 'english',
      ...fields,
    });
  /** The error shown beside a field of a form sent back. */
  const errorOf = async (fields: Record<string, string>, field: string) => {
    const page = await sentBack(form(fields));
    const $ = cheerio.load(page);
    return { message: $(`#f-${field}-error`).text().trim(), page };
  };

  beforeAll(async () => {
    ({ ctx, editor } = await backOfficeAs(db(), 'editor'));
  }, 60_000);

  it('keeps an outline with its source, wound counterclockwise, and shows it back', async () => {
    const res = await form({
      footprint: JSON.stringify(CAMP_OUTLINE),
      footprintSource: SOURCE,
    });
    expect(res.status).toBe(303);
    const id = Number(/\/admin\/places\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    const place = (await ctx.repos.places.findById(id))!;
    expect(place.footprint).toEqual({
      type: 'Polygon',
      coordinates: [[...CAMP_OUTLINE.coordinates[0]!].reverse()],
    });
    expect(place.footprintSource).toBe(SOURCE);
    const page = await (await editor.request(`/admin/places/${id}`)).text();
    const shown = cheerio.load(page)('textarea[name="footprint"]').text();
    expect(JSON.parse(shown)).toEqual(place.footprint);
  });

  it('refuses what is not JSON, keeping the text typed', async () => {
    const { message, page } = await errorOf(
      { footprint: 'POLYGON((129 42, 130 42))', footprintSource: SOURCE },
      'footprint',
    );
    expect(message).toBe('Not JSON: paste a GeoJSON Polygon or MultiPolygon');
    expect(fieldValue(page, 'footprint')).toBe('POLYGON((129 42, 130 42))');
  });

  it('refuses a geometry that is not a Polygon or MultiPolygon', async () => {
    const { message } = await errorOf(
      { footprint: '{"type":"Point","coordinates":[129,42]}', footprintSource: SOURCE },
      'footprint',
    );
    expect(message).toBe('An outline is a GeoJSON Polygon or MultiPolygon, not a Point');
  });

  it('refuses positions outside WGS 84, open rings and rings too short', async () => {
    const ring = (positions: number[][]) =>
      JSON.stringify({ type: 'Polygon', coordinates: [positions] });
    const cases: Array<[number[][], RegExp]> = [
      [
        [
          [129, 42],
          [229, 42],
          [129, 43],
          [129, 42],
        ],
        /Longitude 229 is outside WGS 84's range/,
      ],
      [
        [
          [129, 42],
          [130, 95],
          [129, 43],
          [129, 42],
        ],
        /Latitude 95 is outside WGS 84's range/,
      ],
      [
        [
          [129, 42],
          [130, 42],
          [130, 43],
          [129, 43],
        ],
        /must be closed/,
      ],
      [
        [
          [129, 42],
          [130, 42],
          [129, 42],
        ],
        /at least 4 positions/,
      ],
      [
        [
          [179, 42],
          [-179, 42],
          [-179, 43],
          [179, 42],
        ],
        /crosses the antimeridian/,
      ],
    ];
    for (const [positions, expected] of cases) {
      const { message } = await errorOf(
        { footprint: ring(positions), footprintSource: SOURCE },
        'footprint',
      );
      expect(message).toMatch(expected);
    }
  });

  it('refuses an outline without a source, and a point without one', async () => {
    const outline = await errorOf({ footprint: JSON.stringify(CAMP_OUTLINE) }, 'footprintSource');
    expect(outline.message).toBe('An outline needs a source');
    const point = await errorOf({ latitude: '42.2', longitude: '129.7' }, 'coordinatesSource');
    expect(point.message).toBe('Coordinates need a source');
  });
});
