import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from './errors.ts';
import {
  isPubliclyVisible,
  nextPublicRecord,
  PUBLICATION_STATUSES,
  type PublicRecord,
  type VisibilityFacts,
} from './publication-status.ts';
import {
  assertMayMoveVisibility,
  assertMayWithdraw,
  movesVisibility,
  type VisibilityFields,
} from './visibility-policy.ts';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const instant = fc
  .integer({ min: -3, max: 3 })
  .map((days) => new Date(NOW.getTime() + days * 86_400_000).toISOString());
const fields = fc.record({
  status: fc.constantFrom(...PUBLICATION_STATUSES),
  publishedAt: fc.option(instant),
  embargoUntil: fc.option(instant),
  scheduledAt: fc.option(instant),
  deletedAt: fc.option(instant, { freq: 4 }),
});

describe('who may move a piece before readers or away', () => {
  const draft: VisibilityFields = {
    status: 'draft',
    publishedAt: null,
    embargoUntil: null,
    scheduledAt: null,
  };
  const embargoed: VisibilityFields = {
    status: 'published',
    publishedAt: '2026-05-01T00:00:00.000Z',
    embargoUntil: '2026-07-01T00:00:00.000Z',
    scheduledAt: null,
  };

  it('lets anyone who may edit plan a draft’s date or submit it for review', () => {
    expect(() =>
      assertMayMoveVisibility(false, draft, { ...draft, publishedAt: '2026-05-01T00:00:00.000Z' }),
    ).not.toThrow();
    expect(() =>
      assertMayMoveVisibility(false, draft, { ...draft, status: 'in-review' }),
    ).not.toThrow();
  });

  it('refuses lifting, shortening or moving an embargo without the right to publish', () => {
    for (const embargoUntil of [null, '2026-06-02T00:00:00.000Z']) {
      expect(() =>
        assertMayMoveVisibility(false, embargoed, { ...embargoed, embargoUntil }),
      ).toThrow(ForbiddenError);
    }
    expect(() =>
      assertMayMoveVisibility(false, embargoed, { ...embargoed, publishedAt: null }),
    ).toThrow(ForbiddenError);
    expect(() =>
      assertMayMoveVisibility(true, embargoed, { ...embargoed, embargoUntil: null }),
    ).not.toThrow();
  });

  it('treats the same instant written another way as no change', () => {
    expect(movesVisibility(embargoed, { ...embargoed, embargoUntil: '2026-07-01T00:00:00Z' })).toBe(
      false,
    );
  });

  it('never lets a change that alters public visibility through without the right', () => {
    fc.assert(
      fc.property(fields, fields, (before, after) => {
        const seenBefore = isPubliclyVisible(before, NOW);
        const seenAfter = isPubliclyVisible({ ...after, deletedAt: before.deletedAt }, NOW);
        let allowed = true;
        try {
          assertMayMoveVisibility(false, before, after);
        } catch (error) {
          expect(error).toBeInstanceOf(ForbiddenError);
          allowed = false;
        }
        // Without the right, nothing may become public or stop being public, now or later.
        if (allowed) expect(seenAfter).toBe(seenBefore);
        if (allowed && before.status !== 'published') expect(after.status).not.toBe('published');
      }),
    );
  });
});

describe('the recorded public life of a piece', () => {
  const published: VisibilityFacts & PublicRecord = {
    status: 'published',
    publishedAt: '2026-05-01T00:00:00.000Z',
    embargoUntil: null,
    deletedAt: null,
    publicFrom: null,
    publicUntil: null,
  };

  it('records a piece that became public by its date passing, at the next write', () => {
    const future = { ...published, publishedAt: '2026-05-20T00:00:00.000Z' };
    const record = nextPublicRecord(future, { ...future, status: 'withdrawn' }, NOW);
    expect(record).toEqual({ publicFrom: future.publishedAt, publicUntil: NOW.toISOString() });
  });

  it('never records a draft dated in the past as public', () => {
    const draft = { ...published, status: 'draft' as const };
    expect(nextPublicRecord(draft, { ...draft, status: 'withdrawn' }, NOW).publicFrom).toBeNull();
  });

  it('keeps the first moment once recorded, whatever happens next', () => {
    fc.assert(
      fc.property(fields, fields, (before, after) => {
        const first = { ...before, publicFrom: '2020-01-01T00:00:00.000Z', publicUntil: null };
        expect(nextPublicRecord(first, after, NOW).publicFrom).toBe(first.publicFrom);
      }),
    );
  });

  it('records a moment no later than now exactly when the piece was or is public', () => {
    fc.assert(
      fc.property(fields, fields, (before, after) => {
        const prior = { ...before, publicFrom: null, publicUntil: null };
        const { publicFrom } = nextPublicRecord(prior, after, NOW);
        const seen = isPubliclyVisible(before, NOW) || isPubliclyVisible(after, NOW);
        expect(publicFrom !== null).toBe(seen);
        if (publicFrom) expect(publicFrom <= NOW.toISOString()).toBe(true);
      }),
    );
  });

  it('refuses to withdraw a piece that was never public, pointing to the trash', () => {
    const never = { publicFrom: null, publicUntil: null };
    expect(() => assertMayWithdraw({ status: 'draft' }, { status: 'withdrawn' }, never)).toThrow(
      ValidationError,
    );
    expect(() => assertMayWithdraw({ status: 'draft' }, { status: 'withdrawn' }, never)).toThrow(
      /trash/,
    );
    expect(() =>
      assertMayWithdraw(
        { status: 'published' },
        { status: 'withdrawn' },
        { publicFrom: '2026-05-01T00:00:00.000Z', publicUntil: NOW.toISOString() },
      ),
    ).not.toThrow();
  });
});
