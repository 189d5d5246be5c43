import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PublicationView } from '../../../core/public-views.ts';
import { canonicalRecord, publishedRecord } from './published-record.ts';

// Only the fields the record reads; the rest of a page's view is left out on purpose.
const view = {
  id: 7,
  path: '/reports/yodok/',
  section: { slug: 'reports' },
  type: 'report',
  language: 'ko',
  title: '요덕 수용소',
  subtitle: null,
  summary: 'Testimony, “verbatim”.',
  publishedAt: '2014-10-16T00:00:00.000Z',
  publishedPrecision: 'day',
  revisedAt: null,
  contributors: [],
  venue: null,
  venueStatus: 'published',
  translatedBy: null,
  externalUrl: null,
  excerptOnly: false,
  reportNumber: null,
  doi: null,
  archiveText: null,
  bodyHtml: '<p>1.5e3 &amp; 0.1</p>',
  disclaimer: null,
  disclaimerKo: null,
  keywords: null,
  topics: [],
  places: [],
  files: [
    {
      path: '/reports/yodok/report.pdf',
      fileName: 'report.pdf',
      mediaType: 'application/pdf',
      byteSize: 1500,
    },
  ],
  series: null,
  translations: [],
  scenes: [],
  updatedAt: '2026-06-01T12:00:00.000Z',
  versions: [],
} as unknown as PublicationView;

const hashes = new Map([['/reports/yodok/report.pdf', 'ab'.repeat(32)]]);

describe('the published record', () => {
  it('is JSON canonicalized per RFC 8785: sorted keys, no whitespace, UTF-8 kept as is', () => {
    const text = canonicalRecord(publishedRecord(view, hashes));
    expect(
      text.startsWith('{"captures":[],"files":[{"byteSize":1500,"fileName":"report.pdf"'),
    ).toBe(true);
    expect(text).toContain('"title":"요덕 수용소"');
    expect(text).not.toMatch(/\n|": /);
    expect(JSON.parse(text).files[0].sha256).toBe('ab'.repeat(32));
  });

  it('leaves out what changes without the piece changing, so a new proof makes no new version', () => {
    const before = canonicalRecord(publishedRecord(view, hashes));
    const later = {
      ...view,
      updatedAt: '2027-01-01T00:00:00.000Z',
      versions: [{ version: 1, stampedAt: '2026-06-01T12:00:01.000Z' }],
      translations: [{ language: 'en', title: 'Yodok', path: '/reports/yodok-en/' }],
    };
    const after = canonicalRecord(publishedRecord(later, hashes));
    expect(createHash('sha256').update(after).digest('hex')).toBe(
      createHash('sha256').update(before).digest('hex'),
    );
  });
});
