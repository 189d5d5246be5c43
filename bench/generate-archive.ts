import { createHash } from 'node:crypto';
import { renderMarkdown } from '../src/core/markdown/markdown.ts';
import type { Db } from '../src/infra/db/connect.ts';

/**
 * A synthetic archive of any size, written straight into the store (no services, no PDF
 * parsing: page text goes into pdf_pages as extraction would leave it). Deterministic for a
 * seed, so benchmarks and judged queries see the same archive every time. Generic on purpose:
 * the search benchmark and later performance benchmarks share it.
 */
export interface ArchiveSpec {
  publications: number;
  people: number;
  places: number;
  topics: number;
  sections: number;
  /** Share of publications with a PDF. */
  pdfShare: number;
  /** Pages per PDF vary around this. */
  pagesPerPdf: number;
  wordsPerPage: number;
  bodyWords: number;
  /** Share of publications written in Korean. */
  koreanShare: number;
  seed: number;
  /** Dates fall before this instant, except the scheduled and embargoed pieces. */
  now: Date;
}

export const defaultSpec = (publications: number): ArchiveSpec => ({
  publications,
  people: Math.max(20, Math.round(publications / 25)),
  places: Math.max(30, Math.min(2000, Math.round(publications / 50))),
  topics: 60,
  sections: 4,
  pdfShare: 0.3,
  pagesPerPdf: 20,
  wordsPerPage: 150,
  bodyWords: 250,
  koreanShare: 0.05,
  seed: 20260601,
  now: new Date('2026-06-01T00:00:00.000Z'),
});

export interface GeneratedPlace {
  id: number;
  hangul: string;
  mccuneReischauer: string;
  revised: string;
  english: string;
}

/** What the generator planted, for judged queries: facts about the archive it wrote. */
export interface ArchiveFacts {
  spec: ArchiveSpec;
  /** Visible publications with their title and the id they got. */
  titles: Array<{ id: number; title: string }>;
  /** A word found on one page of one visible publication's PDF and nowhere else. */
  needles: Array<{ id: number; word: string; fileName: string; page: number }>;
  places: GeneratedPlace[];
  /** Visible publications linked to each place id. */
  placeLinks: Record<number, number[]>;
  /** Visible publications by author id, and the authors' names. */
  authors: Array<{ id: number; name: string; publicationIds: number[] }>;
  /** Ids that must never be found: drafts, embargoed, scheduled and withdrawn pieces. */
  hidden: number[];
  /** Vocabulary by frequency rank (0 is the commonest). */
  vocabulary: string[];
  koreanWords: string[];
}

export async function generateArchive(
  db: Db,
  spec: ArchiveSpec,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ArchiveFacts> {
  const rnd = prng(spec.seed);
  const k = db.kysely;
  const at = new Date(spec.now.getTime() - 86_400_000).toISOString();
  const vocabulary = buildVocabulary(rnd, 20_000);
  const word = zipf(vocabulary, rnd);
  const koreanWords = buildKoreanWords(rnd, 3000);
  const koWord = zipf(koreanWords, rnd);

  const sectionIds: number[] = [];
  for (let i = 0; i < spec.sections; i++) {
    const row = await k
      .insertInto('sections')
      .values({
        slug: `gen-section-${i + 1}`,
        title: `${cap(SECTION_WORDS[i % SECTION_WORDS.length]!)} ${i + 1}`,
        position: i,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sectionIds.push(row.id);
  }

  const peopleRows = Array.from({ length: spec.people }, (_, i) => {
    const name = `${pick(rnd, FIRST_NAMES)} ${pick(rnd, LAST_NAMES)}${i >= 400 ? ` ${romanNumeral(i)}` : ''}`;
    return { slug: `gen-person-${i + 1}`, name, sortName: name, createdAt: at, updatedAt: at };
  });
  const personIds = await insertReturningIds(db, 'people', peopleRows);

  const topicRows = Array.from({ length: spec.topics }, (_, i) => ({
    slug: `gen-topic-${i + 1}`,
    name: cap(TOPIC_WORDS[i % TOPIC_WORDS.length]!) + (i >= TOPIC_WORDS.length ? ` ${i}` : ''),
    createdAt: at,
    updatedAt: at,
  }));
  const topicIds = await insertReturningIds(db, 'topics', topicRows);

  const places = await insertPlaces(db, spec.places, rnd, at);

  const facts: ArchiveFacts = {
    spec,
    titles: [],
    needles: [],
    places,
    placeLinks: {},
    authors: peopleRows.map((p, i) => ({ id: personIds[i]!, name: p.name, publicationIds: [] })),
    hidden: [],
    vocabulary,
    koreanWords,
  };

  const BATCH = 250;
  let fileCounter = 0;
  for (let start = 0; start < spec.publications; start += BATCH) {
    const end = Math.min(spec.publications, start + BATCH);
    const pubs: PlannedPublication[] = [];
    for (let i = start; i < end; i++) {
      pubs.push(planPublication(i, spec, rnd, word, koWord, places, sectionIds));
    }
    const ids = await insertReturningIds(
      db,
      'publications',
      pubs.map((p) => p.row),
    );
    const contributions: Array<Record<string, unknown>> = [];
    const pubTopics: Array<Record<string, unknown>> = [];
    const pubPlaces: Array<Record<string, unknown>> = [];
    const files: Array<Record<string, unknown>> = [];
    const planned: Array<{ id: number; pages: string[]; fileName: string }> = [];
    pubs.forEach((p, j) => {
      const id = ids[j]!;
      const authorIdx = pickDistinct(rnd, spec.people, 1 + Math.floor(rnd() * 3));
      authorIdx.forEach((a, position) => {
        contributions.push({
          publicationId: id,
          personId: personIds[a]!,
          role: 'author',
          credit: 'primary',
          position,
        });
        if (p.visible) facts.authors[a]!.publicationIds.push(id);
      });
      pickDistinct(rnd, spec.topics, 1 + Math.floor(rnd() * 3)).forEach((t, position) => {
        pubTopics.push({ publicationId: id, topicId: topicIds[t]!, position });
      });
      p.placeIdx.forEach((pl, position) => {
        const placeId = places[pl]!.id;
        pubPlaces.push({ publicationId: id, placeId, position });
        if (!p.visible) return;
        const links = facts.placeLinks[placeId] ?? [];
        links.push(id);
        facts.placeLinks[placeId] = links;
      });
      if (p.visible) facts.titles.push({ id, title: p.row.title });
      else facts.hidden.push(id);
      if (p.pdfPages) {
        fileCounter++;
        const fileName = `${p.row.slug}.pdf`;
        files.push({
          sha256: createHash('sha256').update(`gen-${spec.seed}-${fileCounter}`).digest('hex'),
          byteSize: 1000 + p.pdfPages.length * 3000,
          mediaType: 'application/pdf',
          pageCount: p.pdfPages.length,
          extractionStatus: 'done',
          createdAt: at,
        });
        planned.push({ id, pages: p.pdfPages, fileName });
        if (p.visible && p.needle) {
          facts.needles.push({ id, word: p.needle.word, fileName, page: p.needle.page });
        }
      }
    });
    await insertBatches(db, 'contributions', contributions);
    await insertBatches(db, 'publicationTopics', pubTopics);
    await insertBatches(db, 'publicationPlaces', pubPlaces);
    const fileIds = await insertReturningIds(db, 'storedFiles', files);
    const attachments = planned.map((f, j) => ({
      publicationId: f.id,
      storedFileId: fileIds[j]!,
      role: 'main-pdf',
      fileName: f.fileName,
      position: 0,
      createdAt: at,
    }));
    await insertBatches(db, 'attachments', attachments);
    const pages = planned.flatMap((f, j) =>
      f.pages.map((text, n) => ({ storedFileId: fileIds[j]!, pageNumber: n + 1, text })),
    );
    await insertBatches(db, 'pdfPages', pages);
    onProgress(end, spec.publications);
  }
  return facts;
}

interface PlannedPublication {
  row: {
    sectionId: number;
    slug: string;
    type: string;
    title: string;
    summary: string;
    body: string;
    bodyHtml: string;
    language: string;
    status: string;
    publishedAt: string | null;
    embargoUntil: string | null;
    withdrawnAt: string | null;
    excerptOnly: number;
    version: number;
    createdAt: string;
    updatedAt: string;
  };
  visible: boolean;
  placeIdx: number[];
  pdfPages: string[] | null;
  needle: { word: string; page: number } | null;
}

const TYPES = ['article', 'report', 'op-ed', 'interview', 'review', 'book', 'imagery-report'];

function planPublication(
  i: number,
  spec: ArchiveSpec,
  rnd: () => number,
  word: () => string,
  koWord: () => string,
  places: GeneratedPlace[],
  sectionIds: number[],
): PlannedPublication {
  const korean = rnd() < spec.koreanShare;
  const w = korean ? koWord : word;
  const words = (n: number) => Array.from({ length: n }, w).join(' ');
  const placeIdx = rnd() < 0.4 ? pickDistinct(rnd, places.length, 1 + Math.floor(rnd() * 2)) : [];
  const mention = (idx: number) => {
    const p = places[idx]!;
    return korean ? p.hangul : pick(rnd, [p.english, p.mccuneReischauer, p.revised]);
  };
  const sentence = (n: number) => {
    const parts = [words(n)];
    if (placeIdx.length > 0 && rnd() < 0.3) parts.push(mention(pick(rnd, placeIdx)));
    return `${parts.join(' ')}.`;
  };
  const title = cap(words(4 + Math.floor(rnd() * 5)));
  const summary = sentence(30);
  const paragraphs = Array.from({ length: Math.max(1, Math.round(spec.bodyWords / 60)) }, () =>
    sentence(60),
  );
  const body = `${paragraphs.join('[^1]\n\n')}\n\n[^1]: ${words(15)}.\n`;
  const ageDays = Math.floor(rnd() * 365 * 14);
  let publishedAt: string | null = new Date(
    spec.now.getTime() - ageDays * 86_400_000,
  ).toISOString();
  let status = 'published';
  let embargoUntil: string | null = null;
  let withdrawnAt: string | null = null;
  const roll = rnd();
  if (roll < 0.04) {
    status = 'draft';
    publishedAt = null;
  } else if (roll < 0.06) {
    embargoUntil = new Date(spec.now.getTime() + 30 * 86_400_000).toISOString();
  } else if (roll < 0.08) {
    publishedAt = new Date(spec.now.getTime() + 10 * 86_400_000).toISOString();
  } else if (roll < 0.1) {
    status = 'withdrawn';
    withdrawnAt = publishedAt;
  }
  let pdfPages: string[] | null = null;
  let needle: PlannedPublication['needle'] = null;
  if (rnd() < spec.pdfShare) {
    const n = Math.max(1, spec.pagesPerPdf + Math.floor(rnd() * 9) - 4);
    pdfPages = Array.from({ length: n }, () => sentence(spec.wordsPerPage));
    if (!korean) {
      const page = 1 + Math.floor(rnd() * n);
      needle = { word: `needle${i.toString(36)}x`, page };
      pdfPages[page - 1] = `${pdfPages[page - 1]} ${needle.word}.`;
    }
  }
  const row = {
    sectionId: sectionIds[i % sectionIds.length]!,
    slug: `gen-${i + 1}`,
    type: TYPES[i % TYPES.length]!,
    title,
    summary,
    body,
    bodyHtml: renderMarkdown(body),
    language: korean ? 'ko' : 'en',
    status,
    publishedAt,
    embargoUntil,
    withdrawnAt,
    excerptOnly: 0,
    version: 1,
    createdAt: publishedAt ?? spec.now.toISOString(),
    updatedAt: publishedAt ?? spec.now.toISOString(),
  };
  const visible =
    status === 'published' && embargoUntil === null && publishedAt! <= spec.now.toISOString();
  return { row, visible, placeIdx, pdfPages, needle };
}

// Syllables as [Hangul, McCune–Reischauer, Revised Romanization]: enough to spell place names
// every way the real gazetteer does.
const SYLLABLES: Array<[string, string, string]> = [
  ['전', 'chŏn', 'jeon'],
  ['거', 'gŏ', 'geo'],
  ['청', "ch'ŏng", 'cheong'],
  ['진', 'jin', 'jin'],
  ['함', 'ham', 'ham'],
  ['경', 'gyŏng', 'gyeong'],
  ['회', 'hoe', 'hoe'],
  ['령', 'ryŏng', 'ryeong'],
  ['수', 'su', 'su'],
  ['성', 'sŏng', 'seong'],
  ['평', "p'yŏng", 'pyeong'],
  ['양', 'yang', 'yang'],
  ['강', 'kang', 'gang'],
  ['원', 'wŏn', 'won'],
  ['덕', 'tŏk', 'deok'],
  ['산', 'san', 'san'],
  ['천', "ch'ŏn", 'cheon'],
  ['동', 'tong', 'dong'],
  ['남', 'nam', 'nam'],
  ['신', 'sin', 'sin'],
  ['포', "p'o", 'po'],
  ['안', 'an', 'an'],
  ['주', 'chu', 'ju'],
  ['흥', 'hŭng', 'heung'],
  ['은', 'ŭn', 'eun'],
  ['연', 'yŏn', 'yeon'],
  ['금', 'kŭm', 'geum'],
  ['화', 'hwa', 'hwa'],
  ['곡', 'kok', 'gok'],
  ['봉', 'pong', 'bong'],
  ['명', 'myŏng', 'myeong'],
  ['송', 'song', 'song'],
  ['림', 'rim', 'rim'],
  ['개', 'kae', 'gae'],
  ['단', 'tan', 'dan'],
  ['무', 'mu', 'mu'],
];
const SUFFIXES: Array<[string, string, string]> = [
  ['리', 'ri', 'ri'],
  ['군', 'kun', 'gun'],
  ['시', 'si', 'si'],
  ['동', 'dong', 'dong'],
];

async function insertPlaces(
  db: Db,
  count: number,
  rnd: () => number,
  at: string,
): Promise<GeneratedPlace[]> {
  const seen = new Set<string>();
  const planned: Array<Omit<GeneratedPlace, 'id'>> = [];
  const max = SYLLABLES.length * SYLLABLES.length * SYLLABLES.length * SUFFIXES.length;
  while (planned.length < Math.min(count, max)) {
    const n = planned.length < 900 ? 2 : 3;
    const syl = Array.from({ length: n }, () => pick(rnd, SYLLABLES));
    const suffix = pick(rnd, SUFFIXES);
    const hangul = syl.map((s) => s[0]).join('') + suffix[0];
    if (seen.has(hangul)) continue;
    seen.add(hangul);
    const mr = `${cap(syl.map((s) => s[1]).join(''))}-${suffix[1]}`;
    planned.push({
      hangul,
      mccuneReischauer: mr,
      revised: `${cap(syl.map((s) => s[2]).join(''))}-${suffix[2]}`,
      english: mr.normalize('NFD').replace(/\p{M}/gu, '').replace(/'/g, ''),
    });
  }
  const ids = await insertReturningIds(
    db,
    'places',
    planned.map((_, i) => ({
      slug: `gen-place-${i + 1}`,
      kind: 'village',
      createdAt: at,
      updatedAt: at,
    })),
  );
  const names = planned.flatMap((p, i) => [
    {
      placeId: ids[i]!,
      name: p.english,
      language: 'en',
      scheme: 'english',
      preferred: 1,
      position: 0,
    },
    {
      placeId: ids[i]!,
      name: p.hangul,
      language: 'ko',
      scheme: 'hangul',
      preferred: 0,
      position: 1,
    },
    {
      placeId: ids[i]!,
      name: p.mccuneReischauer,
      language: 'ko-Latn',
      scheme: 'mccune-reischauer',
      preferred: 0,
      position: 2,
    },
    {
      placeId: ids[i]!,
      name: p.revised,
      language: 'ko-Latn',
      scheme: 'revised',
      preferred: 0,
      position: 3,
    },
  ]);
  await insertBatches(
    db,
    'placeNames',
    // The English form and the McCune–Reischauer one coincide when the name has no breve.
    names.filter((n, i) => i % 4 !== 2 || n.name !== planned[Math.floor(i / 4)]!.english),
  );
  return planned.map((p, i) => ({ ...p, id: ids[i]! }));
}

type Table = Parameters<Db['kysely']['insertInto']>[0];

async function insertReturningIds(db: Db, table: Table, rows: object[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const got = await db.kysely
      .insertInto(table)
      .values(rows.slice(i, i + 200) as never)
      .returning('id' as never)
      .execute();
    ids.push(...(got as Array<{ id: number }>).map((r) => r.id));
  }
  return ids;
}

async function insertBatches(db: Db, table: Table, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.kysely
      .insertInto(table)
      .values(rows.slice(i, i + 200) as never)
      .execute();
  }
}

/** Real English words first (stemming has something to do), then made-up ones for the tail. */
function buildVocabulary(rnd: () => number, size: number): string[] {
  const words = new Set(BASE_WORDS);
  const onsets = [
    'b',
    'br',
    'c',
    'cl',
    'd',
    'dr',
    'f',
    'g',
    'gr',
    'h',
    'k',
    'l',
    'm',
    'n',
    'p',
    'pr',
    's',
    'st',
    't',
    'tr',
    'v',
    'w',
    'z',
  ];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
  const codas = ['', 'n', 'r', 'l', 's', 'st', 'nd', 'rt', 'x', 'm'];
  const endings = ['', '', 'ing', 'ed', 'ion', 'ions', 's', 'er', 'ity', 'al'];
  while (words.size < size) {
    const syllables = 2 + Math.floor(rnd() * 2);
    let w = '';
    for (let s = 0; s < syllables; s++)
      w += pick(rnd, onsets) + pick(rnd, vowels) + pick(rnd, codas);
    words.add(w + pick(rnd, endings));
  }
  return [...words];
}

function buildKoreanWords(rnd: () => number, size: number): string[] {
  const words = new Set(BASE_KOREAN);
  const syllables =
    '가나다라마바사아자차카타파하국민정치인권북한수용소위성사진보고서제재난민경제사회문화교육노동농업식량의료여성아동법원군대'.split(
      '',
    );
  while (words.size < size) {
    const n = 2 + Math.floor(rnd() * 3);
    words.add(Array.from({ length: n }, () => pick(rnd, syllables)).join(''));
  }
  return [...words];
}

/** Draws words with Zipf's law (frequency ∝ 1/rank), as natural text does. */
function zipf(words: string[], rnd: () => number): () => string {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= words.length; r++) {
    sum += 1 / r;
    cumulative.push(sum);
  }
  return () => {
    const u = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

/** mulberry32: small, fast and deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function pickDistinct(rnd: () => number, n: number, count: number): number[] {
  const out = new Set<number>();
  while (out.size < Math.min(n, count)) out.add(Math.floor(rnd() * n));
  return [...out];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function romanNumeral(i: number): string {
  return `N${i}`;
}

const SECTION_WORDS = ['reports', 'articles', 'testimonies', 'imagery', 'books', 'briefs'];
const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Chloe',
  'David',
  'Eun-ji',
  'Farid',
  'Grace',
  'Hyun-woo',
  'Ines',
  'Jae-won',
  'Kofi',
  'Lena',
  'Min-seo',
  'Nadia',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sung-min',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Yuna',
  'Zoe',
];
const LAST_NAMES = [
  'Adler',
  'Baek',
  'Castillo',
  'Dorsey',
  'Eriksen',
  'Fontaine',
  'Gallo',
  'Hwang',
  'Ivanova',
  'Jang',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Ryu',
  'Sato',
  'Tanaka',
  'Ueda',
  'Varga',
  'Whitfield',
  'Xu',
  'Yoon',
  'Zeller',
  'Abernathy',
  'Brennan',
  'Cordova',
  'Delacroix',
];
const TOPIC_WORDS = [
  'detention',
  'famine',
  'sanctions',
  'refugees',
  'forced labor',
  'public executions',
  'religious freedom',
  'information access',
  'family separation',
  'abductions',
  'prison camps',
  'food security',
  'border control',
  'women rights',
  'child welfare',
  'health care',
  'education',
  'surveillance',
  'accountability',
  'satellite imagery',
];
const BASE_WORDS =
  'the of and to in a is that for on with as by at from this are be was it an which not or have has were their its human rights north korea government report camp camps prisoners prison detention labor forced political regime international united nations commission inquiry security council sanctions sanctioned refugees refugee china border food famine aid humanitarian women children families family execution executions torture violations accountability evidence testimony testimonies witness witnesses satellite imagery facility facilities guard guards punishment punished release released arrest arrested interrogation interrogations investigation investigations policy policies economic economy military nuclear weapons missile leader leadership party state officials official law laws court courts justice crimes crime against humanity freedom religious religion information access internet radio broadcast broadcasts defector defectors escape escaped repatriation repatriated trafficking trafficked workers worker overseas wages agriculture farms farm harvest flooding floods flood drought health hospital hospitals medicine education schools school students teacher teachers surveillance informants informant control controls loyalty songbun classification ideology propaganda market markets trade smuggling currency'.split(
    ' ',
  );
const BASE_KOREAN = [
  '인권',
  '북한',
  '정치범',
  '수용소',
  '위성사진',
  '보고서',
  '제재',
  '난민',
  '북한인권',
  '교화소',
  '강제노동',
  '식량',
  '탈북민',
  '국제사회',
  '유엔',
];
