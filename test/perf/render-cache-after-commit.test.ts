import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { ChangeListener } from '../../src/core/change-feed.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPublication,
  buildSection,
  editPublication,
  fixedClock,
  testContext,
} from '../support/factories.ts';

/**
 * The order in which derived data hears of a write is the composition root's, stated once
 * (src/context.ts): the change and its audit entry inside the transaction, its end inside it,
 * and its commit only once it has committed. The render cache relies on the last: a page
 * rendered from data read before the commit must not outlive it.
 */
describeEachDatabase('what the change feed tells, and when', (db) => {
  let ctx: WiredContext;
  let publication: PublicationRecord;
  let path: string;
  /** What the listener below heard, while `recording` is on. */
  let heard: string[] = [];
  let recording = false;
  /** A read begun when the commit was announced. */
  let readAtCommit: Promise<PublicationRecord | undefined> | null = null;

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock(), undefined, { renderCache: {} });
    const section = await buildSection(ctx);
    publication = await buildPublication(ctx, { sectionId: section.id, status: 'draft' });
    path = `/${section.slug}/${publication.slug}/`;
    const note = (event: string) => {
      if (recording) heard.push(event);
    };
    const listener: ChangeListener = {
      publicationChanging: async () => note('changing'),
      publicationChanged: async () => note('changed'),
      audited: async (entry, tx) => note(`audited ${entry.action}${tx ? '' : ' (no transaction)'}`),
      transactionEnding: async () => note('ending'),
      transactionCommitted: () => {
        note('committed');
        if (recording) readAtCommit = ctx.repos.publications.findById(publication.id);
      },
    };
    ctx.changes.subscribe(listener);
  }, 60_000);

  afterAll(() => ctx?.close());

  const listen = () => {
    heard = [];
    readAtCommit = null;
    recording = true;
  };

  it('tells of a publish in its transaction, then of its end, then of its commit', async () => {
    listen();
    publication = await editPublication(ctx, publication.id, {
      status: 'published',
      title: 'Published at last',
    });
    recording = false;
    expect(heard).toEqual([
      'changing',
      'audited publication.status.published',
      'changed',
      'ending',
      'committed',
    ]);
    // Begun when the commit was announced, a read from outside the transaction sees the write.
    expect((await readAtCommit)?.title).toBe('Published at last');
  });

  it('tells of no end and no commit when the transaction rolls back', async () => {
    listen();
    const refused = ctx.transactor.transaction(async (tx) => {
      await ctx.changes.publicationChanged(publication.id, tx);
      throw new Error('changed my mind');
    });
    await expect(refused).rejects.toThrow('changed my mind');
    recording = false;
    expect(heard).toEqual(['changed']);
  });

  it('drops again, once committed, a page kept while the change was uncommitted', async () => {
    const cache = ctx.renderCache!;
    await ctx.transactor.transaction(async (tx) => {
      await ctx.changes.publicationChanged(publication.id, tx);
      // A render that began after the change was heard, from data read before the commit.
      cache.put(
        path,
        Buffer.from('the page before the change'),
        [],
        [`pub:${publication.id}`],
        cache.epoch,
      );
      expect(cache.get(path)).toBeDefined();
    });
    expect(cache.get(path)).toBeUndefined();
  });
});
