import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import type { ImageRecord } from '../../src/core/images.ts';
import { addAnnotation, addScene, SCENE_PREPARE_JOB } from '../../src/features/imagery/index.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { placeWord, staticSearchData } from '../../src/features/search/static-search-words.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { buildPublication } from '../support/factories.ts';
import { placeScene, utmScene } from '../support/scenes.ts';

/**
 * A publication's public scenes are part of it for search: their places are its places (in every
 * spelling and script), their words and capture dates its text. A scene the public may not see
 * (not placed in the body) adds nothing, on the server and in the static export's search data.
 */
describeEachDatabase('satellite scenes in search', (db) => {
  let ctx: WiredContext;
  let quiet: PublicationRecord;
  let other: PublicationRecord;
  let placed: ImageRecord;
  const ids = async (q: string) =>
    (await searchArchive(ctx, { q, pageSize: 50 })).hits.map((h) => h.publicationId);

  /** A scene whose words name no place: only its place links it to Jongo-ri. */
  const scene = async (
    publicationId: number,
    words: { caption: string; takenOn: string },
    placeIds: number[],
  ) => {
    const image = await addScene(
      ctx,
      {
        publicationId,
        source: (async function* () {
          yield utmScene();
        })(),
        words: { alt: 'Fields and a river bank', credit: 'Test imagery', ...words },
        facts: { sensor: 'Test sensor', illustrative: true, placeIds },
      },
      SYSTEM_ACTOR,
    );
    await createJobRunner(ctx, { kinds: [SCENE_PREPARE_JOB] }).drain();
    return image;
  };

  beforeAll(async () => {
    ctx = await demoContext(db());
    const jongo = (await ctx.repos.places.findBySlug('jongo-ri'))!;
    const reports = (await ctx.repos.sections.findBySlug('reports'))!;
    quiet = await buildPublication(ctx, {
      sectionId: reports.id,
      title: 'Quillwort ledger of a river survey',
      body: 'The ledger lists what the survey saw.',
    });
    other = await buildPublication(ctx, {
      sectionId: reports.id,
      title: 'Quillwort ledger, second volume',
      body: 'A second ledger.',
    });
    placed = await scene(quiet.id, { caption: 'Survey frame one', takenOn: '2019-04-17' }, [
      jongo.id,
    ]);
    await addAnnotation(
      ctx,
      placed,
      { points: '100,80', label: 'Sluicegate', labelKo: '수문지기', note: 'Marrowfat levee' },
      SYSTEM_ACTOR,
    );
    await placeScene(ctx, quiet.id, placed.id);
    // Never placed in its body: not public, so nothing of it may be found.
    const hidden = await scene(other.id, { caption: 'Xanthoria frame', takenOn: '2011-03-05' }, [
      jongo.id,
    ]);
    await addAnnotation(ctx, hidden, { points: '10,10', label: 'Zebrawood kiln' }, SYSTEM_ACTOR);
  }, 120_000);
  afterAll(() => ctx.close());

  it('finds a piece through its scene’s place, in every spelling and script', async () => {
    for (const q of ['Jongo-ri', '전거리', "Chŏn'gŏ-ri", 'Chongo-ri']) {
      const found = await ids(q);
      expect(found, q).toContain(quiet.id);
      expect(found, q).not.toContain(other.id);
    }
    expect(await ids('place:jongo-ri quillwort')).toEqual([quiet.id]);
  });

  it('finds a piece by its scene’s caption, alt text and annotations in both languages', async () => {
    for (const q of ['Sluicegate', '수문지기', 'marrowfat', '"Survey frame one"', 'river bank']) {
      expect(await ids(q), q).toContain(quiet.id);
    }
  });

  it('finds a piece by its scene’s capture date: the year, the month or the day', async () => {
    for (const q of ['quillwort 2019', '"April 2019"', '"17 April 2019"', '2019-04-17']) {
      expect(await ids(q), q).toContain(quiet.id);
    }
    expect(await ids('quillwort 2011')).toEqual([]);
  });

  it('finds nothing of a scene the public may not see', async () => {
    for (const q of ['Zebrawood', 'Xanthoria', '"5 March 2011"']) {
      expect(await ids(q), q).toEqual([]);
    }
  });

  it('refreshes the index when a public scene gains an annotation', async () => {
    expect(await ids('Gooseberry')).toEqual([]);
    await addAnnotation(ctx, placed, { points: '20,20', label: 'Gooseberry pier' }, SYSTEM_ACTOR);
    expect(await ids('Gooseberry')).toEqual([quiet.id]);
  });

  it('gives the static export’s search the same words and places', async () => {
    const jongo = (await ctx.repos.places.findBySlug('jongo-ri'))!;
    const sources = await ctx.search.sources.publications([quiet.id, other.id]);
    const data = staticSearchData(sources, await ctx.search.gazetteers.get());
    const words = data.words.get(quiet.id)!;
    expect(words).toContain(placeWord(jongo.id));
    for (const w of ['Sluicegate', '수문지기', 'Marrowfat', '17 April 2019', '전거리']) {
      expect(words, w).toContain(w);
    }
    const hidden = data.words.get(other.id)!;
    for (const w of ['Zebrawood', 'Xanthoria', placeWord(jongo.id)]) {
      expect(hidden, w).not.toContain(w);
    }
  });
});
