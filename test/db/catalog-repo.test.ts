import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { PublicationInput } from '../../src/core/schemas.ts';
import { createPlace } from '../../src/features/entities/create-entities.ts';
import {
  moveToTrash,
  purgeFromTrash,
  restoreFromTrash,
} from '../../src/features/publishing/trash.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPerson,
  buildPlace,
  buildPublication,
  buildSection,
  buildTopic,
  editPublication,
  testContext,
  unique,
} from '../support/factories.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');

describeEachDatabase('the public catalog', (db) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await testContext(db());
  });

  it('lists a section newest first with the total for pagination', async () => {
    const section = await buildSection(ctx);
    for (const day of ['2013-03-21', '2016-07-25', '2014-10-16']) {
      await buildPublication(ctx, {
        sectionId: section.id,
        publishedAt: `${day}T00:00:00Z`,
        title: day,
      });
    }
    const page = await ctx.repos.catalog.list(
      { sectionId: section.id },
      { limit: 2, offset: 0 },
      NOW,
    );
    expect(page.items.map((p) => p.title)).toEqual(['2016-07-25', '2014-10-16']);
    expect(page.total).toBe(3);
  });

  it('finds a person’s work through their contributions', async () => {
    const person = await buildPerson(ctx, 'Carl Gershman');
    const mine = await buildPublication(ctx, { contributions: [{ personId: person.id }] });
    await buildPublication(ctx);
    const page = await ctx.repos.catalog.list(
      { personId: person.id },
      { limit: 10, offset: 0 },
      NOW,
    );
    expect(page.items.map((p) => p.id)).toEqual([mine.id]);
  });

  it('finds work tied to a place or to any place inside it', async () => {
    const province = await buildPlace(
      ctx,
      { name: 'Hamgyŏng-bukto', language: 'ko-Latn', scheme: 'mccune-reischauer' },
      { kind: 'province' },
    );
    const camp = await createPlace(
      ctx,
      {
        slug: unique('camp'),
        kind: 'facility',
        parentId: province.id,
        latitude: 42.20941,
        longitude: 129.7551,
        coordinatesSource: 'HRNK report, 2016',
        names: [
          { name: 'Kyo-hwa-so No. 12', language: 'en', scheme: 'english', preferred: true },
          { name: '제12호 교화소', language: 'ko', scheme: 'hangul' },
        ],
      },
      SYSTEM_ACTOR,
    );
    const report = await buildPublication(ctx, { type: 'imagery-report', placeIds: [camp.id] });
    const ids = await ctx.repos.places.descendantIds(province.id);
    expect(ids.sort()).toEqual([province.id, camp.id].sort());
    const page = await ctx.repos.catalog.list({ placeIds: ids }, { limit: 10, offset: 0 }, NOW);
    expect(page.items.map((p) => p.id)).toEqual([report.id]);
    const stored = await ctx.repos.places.findBySlug(camp.slug);
    expect(stored?.latitude).toBe(42.20941);
    expect(stored?.names.map((n) => n.name)).toEqual(['Kyo-hwa-so No. 12', '제12호 교화소']);
  });

  it('filters by topic and by year, and counts years', async () => {
    const topic = await buildTopic(ctx, 'Commission of Inquiry');
    const tagged = await buildPublication(ctx, {
      topicIds: [topic.id],
      publishedAt: '2013-12-31T00:00:00Z',
    });
    const byTopic = await ctx.repos.catalog.list(
      { topicId: topic.id },
      { limit: 10, offset: 0 },
      NOW,
    );
    expect(byTopic.items.map((p) => p.id)).toEqual([tagged.id]);
    const in2013 = await ctx.repos.catalog.list(
      { year: 2013, topicId: topic.id },
      { limit: 10, offset: 0 },
      NOW,
    );
    expect(in2013.total).toBe(1);
    const years = await ctx.repos.catalog.years(NOW);
    expect(years.find((y) => y.year === 2013)?.count).toBeGreaterThanOrEqual(1);
    expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort((a, b) => b - a));
  });

  it('counts listed public work per section in one pass, as the count of each would', async () => {
    const [a, b] = [await buildSection(ctx), await buildSection(ctx)];
    await buildPublication(ctx, { sectionId: a.id });
    await buildPublication(ctx, { sectionId: a.id });
    await buildPublication(ctx, { sectionId: b.id });
    await buildPublication(ctx, { sectionId: b.id, type: 'page' });
    await buildPublication(ctx, { sectionId: b.id, publishedAt: '2030-01-01T00:00:00Z' });
    const counts = await ctx.repos.catalog.countsBySection(NOW);
    expect(counts.get(a.id)).toBe(2);
    expect(counts.get(b.id)).toBe(1);
    for (const [sectionId, n] of counts) {
      expect(await ctx.repos.catalog.count({ sectionId }, NOW)).toBe(n);
    }
  });

  it('keeps the per-section counts equal to counting the rows, through every kind of write', async () => {
    const [a, b] = [await buildSection(ctx), await buildSection(ctx)];
    const agree = async (when: string) => {
      for (const at of [NOW, new Date('2031-01-01T00:00:00.000Z')]) {
        const counts = await ctx.repos.catalog.countsBySection(at);
        for (const section of [a, b]) {
          expect(
            counts.get(section.id),
            `${when}, section ${section.id}, at ${at.toISOString()}`,
          ).toBe(await ctx.repos.catalog.count({ sectionId: section.id }, at));
        }
      }
    };
    const piece = await buildPublication(ctx, { sectionId: a.id });
    await buildPublication(ctx, { sectionId: a.id, publishedAt: '2030-01-01T00:00:00Z' });
    await buildPublication(ctx, { sectionId: b.id, embargoUntil: '2030-06-01T00:00:00Z' });
    await buildPublication(ctx, { sectionId: b.id, status: 'draft' });
    await buildPublication(ctx, { sectionId: b.id, type: 'page' });
    await agree('created');
    const save = (changes: Partial<PublicationInput>) => editPublication(ctx, piece.id, changes);
    await save({ title: 'Edited, nothing else' });
    await agree('edited');
    await save({ sectionId: b.id });
    await agree('moved to another section');
    await save({ status: 'withdrawn' });
    await agree('withdrawn');
    await save({ status: 'published', embargoUntil: '2030-01-01T00:00:00Z' });
    await agree('published again under embargo');
    await save({ embargoUntil: null, type: 'page' });
    await agree('made a page');
    await save({ type: 'report' });
    await moveToTrash(ctx, piece.id, SYSTEM_ACTOR);
    await agree('trashed');
    await restoreFromTrash(ctx, piece.id, SYSTEM_ACTOR);
    await agree('restored');
    await moveToTrash(ctx, piece.id, SYSTEM_ACTOR);
    await purgeFromTrash(ctx, piece.id, SYSTEM_ACTOR);
    await agree('purged');
  });

  it('counts listed public work per person and per topic in one pass, each piece once', async () => {
    const [author, other] = [await buildPerson(ctx, 'Roberta Cohen'), await buildPerson(ctx)];
    const topic = await buildTopic(ctx, 'Prisons');
    const both = { topicIds: [topic.id] };
    // Author and editor of one piece: it is still one piece of theirs.
    await buildPublication(ctx, {
      ...both,
      contributions: [
        { personId: author.id, role: 'author' },
        { personId: author.id, role: 'editor' },
      ],
    });
    await buildPublication(ctx, { ...both, contributions: [{ personId: author.id }] });
    await buildPublication(ctx, { ...both, contributions: [{ personId: other.id }] });
    // Neither a draft, a piece not yet public, nor a page counts.
    for (const hidden of [
      { status: 'draft' as const },
      { publishedAt: '2030-01-01T00:00:00Z' },
      { type: 'page' as const },
    ]) {
      await buildPublication(ctx, { ...both, ...hidden, contributions: [{ personId: author.id }] });
    }
    const byPerson = await ctx.repos.catalog.countsByPerson(NOW);
    expect(byPerson.get(author.id)).toBe(2);
    expect(byPerson.get(other.id)).toBe(1);
    for (const [personId, n] of byPerson) {
      expect(await ctx.repos.catalog.count({ personId }, NOW)).toBe(n);
    }
    const byTopic = await ctx.repos.catalog.countsByTopic(NOW);
    expect(byTopic.get(topic.id)).toBe(3);
    for (const [topicId, n] of byTopic) {
      expect(await ctx.repos.catalog.count({ topicId }, NOW)).toBe(n);
    }
  });

  it('keeps pages such as About out of listings', async () => {
    const section = await buildSection(ctx);
    await buildPublication(ctx, { sectionId: section.id, type: 'page' });
    expect(await ctx.repos.catalog.count({ sectionId: section.id }, NOW)).toBe(0);
  });
});
