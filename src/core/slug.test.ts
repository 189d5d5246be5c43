import { describe, expect, it } from 'vitest';
import { safeFileName } from './file-name.ts';
import { sectionSlugSchema, slugify } from './slug.ts';

describe('slugs', () => {
  it('folds diacritics and apostrophes of romanized Korean', () => {
    expect(slugify("Chŏn'gŏ-ri, Hamgyŏng-bukto")).toBe('chongo-ri-hamgyong-bukto');
  });

  it('romanizes Hangul titles, so Korean titles get slugs of their own', () => {
    expect(slugify('북한인권 보고서')).toBe('bukanningwon-bogoseo');
    expect(slugify('2020 북한인권백서')).toBe('2020-bukanningwonbaekseo');
    expect(slugify('정치범수용소와 UN 보고서')).toBe('jeongchibeomsuyongsowa-un-bogoseo');
    expect(slugify('북한인권')).not.toBe(slugify('정치범수용소'));
  });

  it('keeps Latin titles as they were', () => {
    expect(slugify('Hidden Gulag (Second Edition): The Lives…')).toBe(
      'hidden-gulag-second-edition-the-lives',
    );
  });

  it('falls back when a title has no letters it can write in Latin', () => {
    expect(slugify('金正恩', 'untitled')).toBe('untitled');
  });

  it('refuses reserved words as section slugs', () => {
    expect(sectionSlugSchema.safeParse('search').success).toBe(false);
    expect(sectionSlugSchema.safeParse('reports').success).toBe(true);
  });
});

describe('download file names', () => {
  it('drops directories and keeps the real extension', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\x\\Report Final.PDF', 'pdf')).toBe('report-final.pdf');
  });

  it('folds accents and removes characters that break headers', () => {
    expect(safeFileName('Hamgyŏng "flood"\r\n.pdf', 'pdf')).toBe('hamgyong-flood.pdf');
    // Hangul is romanized, as in slugs, so Korean names keep distinct addresses.
    expect(safeFileName('북한인권.pdf', 'pdf')).toBe('bukanningwon.pdf');
    expect(safeFileName('😀.pdf', 'pdf')).toBe('file.pdf');
  });
});
