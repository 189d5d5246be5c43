import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { cliActor } from '../../src/core/actor.ts';
import type { AppContext } from '../../src/core/app-context.ts';
import { CsvImportError } from '../../src/features/import/csv-rows.ts';
import { type CsvKind, importCsv } from '../../src/features/import/import-csv.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const file = (name: string) => join(FIXTURES, name);
const options = { dryRun: false, actor: cliActor() };

/** How the import refuses a broken file: its message, and each problem as row/column. */
async function refusal(ctx: AppContext, name: string, kind: CsvKind) {
  const error = await importCsv(ctx, { file: file(name), kind, ...options }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvImportError);
  const { message, problems } = error as CsvImportError;
  return { message, problems: problems.map((p) => `${p.row}/${p.column}`) };
}

describeEachDatabase('Spreadsheet import', (db) => {
  it('loads the gazetteer: every spelling of a name, parents before children, coordinates with their source', async () => {
    const ctx = await testContext(db());
    const summary = await importCsv(ctx, { file: file('places.csv'), kind: 'places', ...options });
    expect(summary.counts.places).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const province = await ctx.repos.places.findBySlug('hamgyong-bukto');
    const city = await ctx.repos.places.findBySlug('hoeryong');
    const village = await ctx.repos.places.findBySlug('jongo-ri');
    expect(city?.parentId).toBe(province?.id);
    expect(village?.parentId).toBe(city?.id);
    expect(city).toMatchObject({ kind: 'city', latitude: 42.4428, longitude: 129.75 });
    expect(city?.coordinatesSource).toBe('Natural Earth populated places');
    expect(province?.names.map((n) => [n.scheme, n.name])).toEqual(
      expect.arrayContaining([
        ['english', 'North Hamgyong Province'],
        ['hangul', '함경북도'],
        ['hanja', '咸鏡北道'],
        ['mccune-reischauer', 'Hamgyŏng-bukto'],
        ['revised', 'Hamgyeongbuk-do'],
        ['other', 'Hamgyong-bukto'],
        ['other', 'North Hamgyong'],
      ]),
    );
    expect(province?.names.filter((n) => n.preferred).map((n) => n.name)).toEqual([
      'North Hamgyong Province',
    ]);
    expect(village?.names.map((n) => n.name)).toContain("Chŏn'gŏ-ri");
  });

  it('updates a changed row and leaves the others alone on a second run', async () => {
    const ctx = await testContext(db());
    const again = await importCsv(ctx, { file: file('places.csv'), kind: 'places', ...options });
    expect(again.counts.places).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const changed = join(mkdtempSync(join(tmpdir(), 'dossier-csv-')), 'places.csv');
    writeFileSync(changed, readFileSync(file('places.csv'), 'utf8').replace('42.4428', '42.4500'));
    const third = await importCsv(ctx, { file: changed, kind: 'places', ...options });
    expect(third.counts.places).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect((await ctx.repos.places.findBySlug('hoeryong'))?.latitude).toBe(42.45);
    expect((await ctx.repos.places.list()).length).toBe(3);
  });

  it('refuses a broken file with every problem by row and column, and writes nothing', async () => {
    const ctx = await testContext(db());
    const before = (await ctx.repos.places.list()).length;
    const { message, problems } = await refusal(ctx, 'places-broken.csv', 'places');
    expect(problems).toEqual(
      expect.arrayContaining([
        '2/kind',
        '2/coordinates_source',
        '3/slug',
        '3/parent',
        '4/latitude',
      ]),
    );
    expect(message).toContain('row 2, column kind: “camp” is not one of');
    expect((await ctx.repos.places.list()).length).toBe(before);
  });

  it('imports people and their roles, recognizing them later in publications', async () => {
    const ctx = await testContext(db());
    const people = await importCsv(ctx, { file: file('people.csv'), kind: 'people', ...options });
    expect(people.counts.people).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const cohen = await ctx.repos.people.findBySlug('roberta-cohen');
    expect(cohen?.nameKo).toBe('로버타 코헨');
    expect(cohen?.roles.map((r) => r.title)).toEqual(['HRNK Co-Chair', 'HRNK Co-Chair Emeritus']);
    expect((await ctx.repos.people.findBySlug('greg-scarlatoiu'))?.sortName).toBe(
      'Scarlatoiu, Greg',
    );

    const pubs = await importCsv(ctx, {
      file: file('publications.csv'),
      kind: 'publications',
      ...options,
    });
    expect(pubs.counts.publications).toEqual({ created: 2, updated: 0, unchanged: 0 });
    // Roberta Cohen was there already; David Hawk and Amanda Mortwedt Oh are new.
    expect(pubs.counts.people).toEqual({ created: 2, updated: 0, unchanged: 1 });
    const [piece] = await ctx.repos.publications.findAllBySlug(
      'must-un-agencies-also-fail-in-north-korea',
    );
    const full = await ctx.repos.publications.findById(piece?.id ?? 0);
    expect(full?.contributions).toMatchObject([
      { personId: cohen?.id, affiliationLabel: 'HRNK Co-Chair', credit: 'primary' },
    ]);
    expect(full?.status).toBe('published');
    expect(full?.externalUrl).toBe('https://www.38north.org/');
    const topics = await ctx.repos.topics.findByIds(full?.topicIds ?? []);
    expect(topics.map((t) => t.slug).sort()).toEqual(['human-rights', 'united-nations']);
    const [gulag] = await ctx.repos.publications.findAllBySlug('the-parallel-gulag');
    const gulagFull = await ctx.repos.publications.findById(gulag?.id ?? 0);
    expect(gulagFull?.contributions.map((c) => c.credit)).toEqual(['primary', 'secondary']);
    expect(gulagFull?.placeIds).toHaveLength(1);
    // Indexed on import, under every spelling the gazetteer gave its place.
    for (const q of ['Hamgyeongbuk-do', '함경북도', 'Hamgyŏng-bukto']) {
      const hits = (await searchArchive(ctx, { q, pageSize: 10 })).hits.map((h) => h.publicationId);
      expect(hits, q).toEqual([gulag?.id]);
    }
  });

  it('names each wrong cell of a publications file', async () => {
    const ctx = await testContext(db());
    const { problems } = await refusal(ctx, 'publications-broken.csv', 'publications');
    expect(problems).toEqual(
      expect.arrayContaining(['2/title', '3/type', '3/published', '3/external_url']),
    );
  });
});
