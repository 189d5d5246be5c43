import { describe, expect, it } from 'vitest';
import { campReport, remarks, work } from '../../../../test/support/test-works.ts';
import { nameFromSortName } from '../person-name.ts';
import { dcType, dublinCoreTags } from './dublin-core-tags.ts';
import { highwireName, highwireTags } from './highwire-tags.ts';

const named = (tags: Array<{ name?: string; content: string }>, name: string) =>
  tags.filter((t) => t.name === name).map((t) => t.content);

describe('Highwire names', () => {
  it('writes "Family, Given", a suffix with the family name, an organization as it is', () => {
    expect(highwireName(nameFromSortName('Cohen, Roberta', 'Roberta Cohen'))).toBe(
      'Cohen, Roberta',
    );
    expect(
      highwireName(nameFromSortName('Bermudez, Joseph S., Jr.', 'Joseph S. Bermudez Jr.')),
    ).toBe('Bermudez Jr., Joseph S.');
    expect(highwireName(nameFromSortName('Byun, Chang-seop', 'Byun Chang-seop'))).toBe(
      'Byun, Chang-seop',
    );
    expect(highwireName(nameFromSortName('AllSource Analysis', 'AllSource Analysis'))).toBe(
      'AllSource Analysis',
    );
  });
});

describe('the type a reference manager reads', () => {
  it('names books, interviews, web articles and testimony in DC.type, and leaves reports to Highwire', () => {
    expect(dcType(work({ kind: 'book', type: 'book' }))).toBe('book');
    expect(dcType(work({ kind: 'interview', type: 'interview' }))).toBe('interview');
    expect(dcType(work())).toBe('webpage');
    expect(dcType(work({ kind: 'report', type: 'report' }))).toBeNull();
    expect(dcType(campReport())).toBe('Satellite imagery report');
    expect(dcType(remarks())).toBeNull();
    expect(dcType({ ...remarks(), type: 'testimony' })).toBe('hearing');
  });

  it('gives testimony no conference title, so that DC.type "hearing" decides', () => {
    expect(named(highwireTags(remarks(), remarks().url), 'citation_conference_title')).toHaveLength(
      1,
    );
    const testimony = { ...remarks(), type: 'testimony' as const };
    const tags = highwireTags(testimony, testimony.url);
    expect(named(tags, 'citation_conference_title')).toEqual([]);
    expect(named(tags, 'citation_publisher')).toHaveLength(1);
    expect(named(dublinCoreTags(testimony), 'DC.type')).toEqual(['hearing']);
  });

  it('says "Text" nowhere and puts places in DCTERMS.spatial, not DC.coverage', () => {
    const tags = dublinCoreTags(
      work({ places: [{ name: 'Chongjin', latitude: null, longitude: null }] }),
    );
    expect(named(tags, 'DC.type')).not.toContain('Text');
    expect(named(tags, 'DC.coverage')).toEqual([]);
    expect(named(tags, 'DCTERMS.spatial')).toEqual(['Chongjin']);
  });

  it('carries the whole abstract and the PDF on any page of the piece', () => {
    const long = 'A'.repeat(600);
    const piece = work({ abstract: long });
    const tags = highwireTags(piece, 'https://archive.example.org/ko/articles/a/');
    expect(named(tags, 'citation_abstract')).toEqual([long]);
    expect(named(tags, 'citation_pdf_url')).toEqual([piece.files[0]!.url]);
    expect(named(tags, 'citation_public_url')).toEqual([piece.url]);
  });
});
