import { describe, expect, it } from 'vitest';
import { isPubliclyVisible, isTombstone } from './publication-status.ts';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const base = {
  status: 'published' as const,
  publishedAt: '2020-01-01T00:00:00.000Z',
  embargoUntil: null,
  deletedAt: null,
};

describe('what is public', () => {
  it('shows published work whose date has come', () => {
    expect(isPubliclyVisible(base, NOW)).toBe(true);
  });

  it('hides work dated in the future, under embargo, in the trash, or not published', () => {
    expect(isPubliclyVisible({ ...base, publishedAt: '2027-01-01T00:00:00.000Z' }, NOW)).toBe(
      false,
    );
    expect(isPubliclyVisible({ ...base, embargoUntil: '2027-01-01T00:00:00.000Z' }, NOW)).toBe(
      false,
    );
    expect(isPubliclyVisible({ ...base, deletedAt: '2026-01-01T00:00:00.000Z' }, NOW)).toBe(false);
    for (const status of ['draft', 'in-review', 'scheduled', 'withdrawn'] as const) {
      expect(isPubliclyVisible({ ...base, status }, NOW)).toBe(false);
    }
  });

  it('keeps a tombstone only for withdrawn work recorded as once public', () => {
    const withdrawn = {
      status: 'withdrawn' as const,
      deletedAt: null,
      publicFrom: '2024-01-01T00:00:00.000Z',
    };
    expect(isTombstone(withdrawn)).toBe(true);
    expect(isTombstone({ ...withdrawn, publicFrom: null })).toBe(false);
    expect(isTombstone({ ...withdrawn, deletedAt: '2025-01-01T00:00:00.000Z' })).toBe(false);
    expect(isTombstone({ ...withdrawn, status: 'draft' })).toBe(false);
  });
});
