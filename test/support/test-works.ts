import { nameFromSortName } from '../../src/features/discovery/person-name.ts';
import type { ScholarlyWork, WorkContributor } from '../../src/features/discovery/work.ts';

/**
 * Works for the format tests, shaped like the demo archive's pieces. Only tests import this
 * module; it builds plain values, nothing is stubbed.
 */
export function person(
  displayName: string,
  sortName: string,
  extra: Partial<WorkContributor> = {},
): WorkContributor {
  return {
    displayName,
    name: nameFromSortName(sortName, displayName),
    role: 'author',
    institution: null,
    printedAffiliation: null,
    orcid: null,
    profileUrl: `https://archive.example.org/people/${displayName.toLowerCase().replace(/\W+/g, '-')}/`,
    ...extra,
  };
}

export function work(overrides: Partial<ScholarlyWork> = {}): ScholarlyWork {
  return {
    id: 6,
    kind: 'web-article',
    type: 'article',
    title: 'A Human Rights Dialogue with North Korea: Real or Illusory?',
    subtitle: null,
    language: 'en',
    authors: [
      person('Roberta Cohen', 'Cohen, Roberta', {
        institution: 'Committee for Human Rights in North Korea',
        printedAffiliation: 'HRNK Co-Chair',
      }),
    ],
    collaborators: [],
    editors: [],
    translators: [],
    interviewers: [],
    others: [],
    issued: '2014-10-16',
    revised: null,
    url: 'https://archive.example.org/articles/a-human-rights-dialogue/',
    files: [
      {
        url: 'https://archive.example.org/articles/a-human-rights-dialogue/cohen-dialogue-2014.pdf',
        mediaType: 'application/pdf',
        byteSize: 12345,
        title: null,
        main: true,
      },
    ],
    publisher: { name: 'Committee for Human Rights in North Korea', url: 'https://www.hrnk.org' },
    venue: null,
    siteName: 'Dossier Demo Archive',
    reportNumber: null,
    doi: null,
    keywords: ['North Korea', 'Human Rights'],
    places: [],
    abstract: 'Roberta Cohen examines the offers of dialogue North Korea made in 2014.',
    series: null,
    excerptOnly: false,
    ...overrides,
  };
}

export const campReport = () =>
  work({
    id: 16,
    kind: 'report',
    type: 'imagery-report',
    title: 'North Korea Camp No. 25 Update 2',
    authors: [
      person('Joseph S. Bermudez Jr.', 'Bermudez, Joseph S., Jr.'),
      person('Andy Dinville', 'Dinville, Andy'),
      person('Mike Eley', 'Eley, Mike'),
    ],
    issued: '2016-11-29',
    url: 'https://archive.example.org/reports/north-korea-camp-no-25-update-2/',
    reportNumber: 'HRNK-IR-3',
    doi: '10.5555/camp25',
    series: { title: 'North Korea: Camp No. 25', position: 3 },
    places: [{ name: 'Camp No. 25', latitude: null, longitude: null }],
  });

export const interview = () =>
  work({
    id: 1,
    kind: 'interview',
    type: 'interview',
    title: 'Roberta Cohen “North Korea represses news of sanctions…',
    authors: [person('Roberta Cohen', 'Cohen, Roberta', { role: 'interviewee' })],
    interviewers: [person('Byun Chang-seop', 'Byun, Chang-seop', { role: 'interviewer' })],
    issued: '2016-07-25',
    url: 'https://archive.example.org/articles/rfa-interview/',
    venue: { name: 'Radio Free Asia', url: 'https://www.rfa.org', kind: 'journal' },
  });

export const journalArticle = () =>
  work({
    id: 10,
    kind: 'journal-article',
    type: 'review',
    title: 'A Voice from the North Korean Gulag',
    authors: [person('Carl Gershman', 'Gershman, Carl')],
    issued: '2013-04-01',
    url: 'https://archive.example.org/articles/a-voice-from-the-north-korean-gulag/',
    venue: { name: 'Journal of Democracy', url: null, kind: 'journal' },
  });

export const remarks = () =>
  work({
    id: 2,
    kind: 'speech',
    type: 'remarks',
    title: 'North Korea: Why Human Rights Must Come First',
    authors: [person('Carl Gershman', 'Gershman, Carl')],
    issued: '2016-02-19',
    url: 'https://archive.example.org/articles/why-human-rights-must-come-first/',
    venue: {
      name: 'North Korea: The Human Condition and Security Nexus',
      url: null,
      kind: 'event',
    },
  });

export const twoAuthors = () =>
  work({
    id: 3,
    title: 'Empty marching in Korea',
    authors: [
      person('Abraham Cooper', 'Cooper, Abraham'),
      person('Greg Scarlatoiu', 'Scarlatoiu, Greg'),
    ],
    issued: '2015-04-26',
    url: 'https://archive.example.org/articles/empty-marching-in-korea/',
  });
