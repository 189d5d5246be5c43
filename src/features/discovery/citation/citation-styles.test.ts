import { describe, expect, it } from 'vitest';
import {
  campReport,
  interview,
  journalArticle,
  person,
  remarks,
  twoAuthors,
  work,
} from '../../../../test/support/test-works.ts';
import { apa } from './apa.ts';
import { chicago } from './chicago.ts';
import { plainText } from './formatted.ts';
import { mla } from './mla.ts';

const URL = 'https://archive.example.org/articles/a-human-rights-dialogue/';

describe('Chicago bibliography entries (17th edition)', () => {
  it('quotes an article title ending in a question mark without adding a period', () => {
    expect(plainText(chicago(work()))).toBe(
      `Cohen, Roberta. “A Human Rights Dialogue with North Korea: Real or Illusory?” Dossier Demo Archive, October 16, 2014. ${URL}.`,
    );
  });

  it('inverts only the first of two authors and joins them with ", and"', () => {
    expect(plainText(chicago(twoAuthors()))).toBe(
      'Cooper, Abraham, and Greg Scarlatoiu. “Empty marching in Korea.” Dossier Demo Archive, April 26, 2015. https://archive.example.org/articles/empty-marching-in-korea/.',
    );
  });

  it('names a "with" collaborator after the author, as the title page does', () => {
    const book = work({
      kind: 'book',
      type: 'book',
      title: 'The Parallel Gulag',
      authors: [person('David Hawk', 'Hawk, David')],
      collaborators: [person('Amanda Mortwedt Oh', 'Mortwedt Oh, Amanda')],
      url: 'https://archive.example.org/reports/the-parallel-gulag/',
    });
    expect(plainText(chicago(book))).toMatch(
      /^Hawk, David, with Amanda Mortwedt Oh\. The Parallel Gulag\. /,
    );
    expect(plainText(apa(book))).toMatch(/^Hawk, D\., & Mortwedt Oh, A\. /);
  });

  it('italicizes a report, keeps "Jr." after an inverted name, gives the number and prefers the DOI', () => {
    const entry = chicago(campReport());
    expect(plainText(entry)).toBe(
      'Bermudez, Joseph S., Jr., Andy Dinville, and Mike Eley. North Korea Camp No. 25 Update 2. Report no. HRNK-IR-3. Committee for Human Rights in North Korea, 2016. https://doi.org/10.5555/camp25.',
    );
    expect(entry.filter((r) => r.italic).map((r) => r.text)).toEqual([
      'North Korea Camp No. 25 Update 2',
    ]);
  });

  it('names the interviewer and italicizes the outlet, turning double quotes in the title to single', () => {
    expect(plainText(chicago(interview()))).toBe(
      'Cohen, Roberta. “Roberta Cohen ‘North Korea represses news of sanctions…” Interview by Byun Chang-seop. Radio Free Asia, July 25, 2016. https://archive.example.org/articles/rfa-interview/.',
    );
  });

  it('italicizes the journal of a piece first published in one', () => {
    const entry = chicago(journalArticle());
    expect(plainText(entry)).toBe(
      'Gershman, Carl. “A Voice from the North Korean Gulag.” Journal of Democracy, April 1, 2013. https://archive.example.org/articles/a-voice-from-the-north-korean-gulag/.',
    );
    expect(entry.find((r) => r.italic)?.text).toBe('Journal of Democracy');
  });

  it('says where remarks were presented', () => {
    expect(plainText(chicago(remarks()))).toBe(
      'Gershman, Carl. “North Korea: Why Human Rights Must Come First.” Presented at North Korea: The Human Condition and Security Nexus, February 19, 2016. https://archive.example.org/articles/why-human-rights-must-come-first/.',
    );
  });

  it('names seven of more than ten authors, then "et al."', () => {
    const authors = Array.from({ length: 11 }, (_, i) =>
      person(`Given${i} Family${i}`, `Family${i}, Given${i}`),
    );
    expect(plainText(chicago(work({ authors })))).toMatch(
      /^Family0, Given0, Given1 Family1, Given2 Family2, Given3 Family3, Given4 Family4, Given5 Family5, Given6 Family6, et al\. “/,
    );
  });

  it('begins with the title when no author is credited', () => {
    expect(
      plainText(chicago({ ...campReport(), authors: [], doi: null, reportNumber: null })),
    ).toBe(
      'North Korea Camp No. 25 Update 2. Committee for Human Rights in North Korea, 2016. https://archive.example.org/reports/north-korea-camp-no-25-update-2/.',
    );
  });
});

describe('APA references (7th edition)', () => {
  it('gives initials and the full date of a web article, its title in italics', () => {
    const ref = apa(work());
    expect(plainText(ref)).toBe(
      `Cohen, R. (2014, October 16). A Human Rights Dialogue with North Korea: Real or Illusory? Dossier Demo Archive. ${URL}`,
    );
    expect(ref.find((r) => r.italic)?.text).toBe(
      'A Human Rights Dialogue with North Korea: Real or Illusory?',
    );
  });

  it('puts "&" before the last author, the year alone for a report, its number in parentheses and the DOI', () => {
    expect(plainText(apa(campReport()))).toBe(
      'Bermudez, J. S., Jr., Dinville, A., & Eley, M. (2016). North Korea Camp No. 25 Update 2 (Report No. HRNK-IR-3). Committee for Human Rights in North Korea. https://doi.org/10.5555/camp25',
    );
  });

  it('abbreviates a hyphenated Korean given name as C.-S. and describes an interview in brackets', () => {
    expect(plainText(apa(interview()))).toBe(
      'Cohen, R. (2016, July 25). Roberta Cohen “North Korea represses news of sanctions… [Interview by C.-S. Byun]. Radio Free Asia. https://archive.example.org/articles/rfa-interview/',
    );
    expect(
      plainText(apa(work({ authors: [person('Byun Chang-seop', 'Byun, Chang-seop')] }))),
    ).toMatch(/^Byun, C\.-S\. \(2014/);
  });

  it('leaves a journal article title plain and italicizes the journal', () => {
    const ref = apa(journalArticle());
    expect(plainText(ref)).toBe(
      'Gershman, C. (2013). A Voice from the North Korean Gulag. Journal of Democracy. https://archive.example.org/articles/a-voice-from-the-north-korean-gulag/',
    );
    expect(ref.filter((r) => r.italic).map((r) => r.text)).toEqual(['Journal of Democracy']);
  });

  it('shortens more than twenty authors to nineteen, an ellipsis and the last', () => {
    const authors = Array.from({ length: 22 }, (_, i) =>
      person(`Ann Writer${i}`, `Writer${i}, Ann`),
    );
    const text = plainText(apa(work({ authors })));
    expect(text).toMatch(/Writer18, A\., \. \. \. Writer21, A\. \(2014/);
    expect(text).not.toContain('Writer19');
  });

  it('moves the title before the date when no author is credited', () => {
    expect(plainText(apa({ ...campReport(), authors: [], doi: null }))).toBe(
      'North Korea Camp No. 25 Update 2 (Report No. HRNK-IR-3). (2016). Committee for Human Rights in North Korea. https://archive.example.org/reports/north-korea-camp-no-25-update-2/',
    );
  });
});

describe('MLA works-cited entries (9th edition)', () => {
  it('italicizes the website as container, abbreviates the month and drops the URL scheme', () => {
    expect(plainText(mla(work()))).toBe(
      'Cohen, Roberta. “A Human Rights Dialogue with North Korea: Real or Illusory?” Dossier Demo Archive, 16 Oct. 2014, archive.example.org/articles/a-human-rights-dialogue/.',
    );
  });

  it('names two authors, and shortens three or more to the first and "et al."', () => {
    expect(plainText(mla(twoAuthors()))).toMatch(
      /^Cooper, Abraham, and Greg Scarlatoiu\. “Empty marching in Korea\.” /,
    );
    expect(plainText(mla(campReport()))).toBe(
      'Bermudez, Joseph S., Jr., et al. North Korea Camp No. 25 Update 2. Report no. HRNK-IR-3, Committee for Human Rights in North Korea, 2016, https://doi.org/10.5555/camp25.',
    );
  });

  it('cites an interview with its interviewer and outlet', () => {
    expect(plainText(mla(interview()))).toBe(
      'Cohen, Roberta. “Roberta Cohen ‘North Korea represses news of sanctions…” Interview by Byun Chang-seop. Radio Free Asia, 25 July 2016, archive.example.org/articles/rfa-interview/.',
    );
  });

  it('gives remarks the event as first container and the archive as second', () => {
    const entry = mla(remarks());
    expect(plainText(entry)).toBe(
      'Gershman, Carl. “North Korea: Why Human Rights Must Come First.” North Korea: The Human Condition and Security Nexus, 19 Feb. 2016. Dossier Demo Archive, archive.example.org/articles/why-human-rights-must-come-first/.',
    );
    expect(entry.filter((r) => r.italic).map((r) => r.text)).toEqual(['Dossier Demo Archive']);
  });
});
