import { describe, expect, it } from 'vitest';
import type { PublicationRecord } from '../../../core/entities.ts';
import { restoredInput } from './revision-snapshot.ts';

const current = {
  id: 7,
  sectionId: 2,
  slug: 'camp-25-update',
  type: 'report',
  title: 'Camp No. 25: Update',
  subtitle: null,
  summary: null,
  body: 'New words',
  language: 'en',
  status: 'published',
  scheduledAt: null,
  withdrawnReason: null,
  publishedAt: '2016-07-25T00:00:00.000Z',
  contributions: [
    { personId: 1, role: 'author', credit: 'primary', affiliationLabel: null, position: 0 },
  ],
  topicIds: [3],
  placeIds: [],
} as unknown as PublicationRecord;

describe('restoring a revision', () => {
  it("brings back the snapshot's content but keeps the address and the workflow state", () => {
    const input = restoredInput(
      {
        sectionId: 9,
        slug: 'old-slug',
        status: 'draft',
        title: 'Camp No. 25',
        body: 'Old words',
        bodyHtml: '<p>Old words</p>',
        contributions: [
          { personId: 4, role: 'editor', credit: 'secondary', affiliationLabel: 'HRNK' },
        ],
        topicIds: [],
      },
      current,
    );
    expect(input).toMatchObject({
      sectionId: 2,
      slug: 'camp-25-update',
      status: 'published',
      title: 'Camp No. 25',
      body: 'Old words',
      topicIds: [],
      contributions: [
        { personId: 4, role: 'editor', credit: 'secondary', affiliationLabel: 'HRNK' },
      ],
    });
    expect(input).not.toHaveProperty('bodyHtml');
  });

  it('keeps the current value of a field an old snapshot lacks', () => {
    const input = restoredInput({ title: 'Old' }, current);
    expect(input.placeIds).toEqual([]);
    expect(input.publishedAt).toBe('2016-07-25T00:00:00.000Z');
    expect(input.contributions).toEqual([
      { personId: 1, role: 'author', credit: 'primary', affiliationLabel: null },
    ]);
  });
});
