import { beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { DIALOGUE, demoApp } from '../support/demo-context.ts';
import { getPage } from '../support/html.ts';

/**
 * What Zotero's Embedded Metadata translator (zotero/translators, "Embedded Metadata.js", with the
 * RDF translator it hands DC and Open Graph statements to) makes of a page's head, written out
 * from its source so that the tests read the tags as Zotero does:
 * - the item type: a Highwire key decides first (citation_journal_title → journalArticle,
 *   citation_technical_report_institution → report, citation_conference_title →
 *   conferencePaper, citation_book_title / citation_inbook_title → bookSection,
 *   citation_dissertation_institution → thesis); else a Zotero type named by og:type ("book",
 *   "website") or DC.type; else, because citation_title is there, journalArticle;
 * - each citation_author is split at commas: the family name before the first, the given name
 *   after it, anything after a second comma dropped; without a comma the last word is the family
 *   name;
 * - the abstract is citation_abstract, else og:description, else DC.description;
 * - DC.type becomes the report type, DC.coverage "Loc. in Archive";
 * - the URL is citation_public_url, the PDF citation_pdf_url.
 */
const ZOTERO_TYPES = new Set([
  'book',
  'bookSection',
  'report',
  'journalArticle',
  'magazineArticle',
  'newspaperArticle',
  'blogPost',
  'webpage',
  'interview',
  'hearing',
  'presentation',
  'conferencePaper',
  'document',
]);
const HIGHWIRE_TYPES: Record<string, string> = {
  citation_journal_title: 'journalArticle',
  citation_technical_report_institution: 'report',
  citation_conference_title: 'conferencePaper',
  citation_conference: 'conferencePaper',
  citation_book_title: 'bookSection',
  citation_inbook_title: 'bookSection',
  citation_dissertation_institution: 'thesis',
};

interface ZoteroReading {
  itemType: string;
  creators: Array<{ lastName: string; firstName: string }>;
  abstractNote: string | undefined;
  reportType: string | undefined;
  archiveLocation: string | undefined;
  url: string | undefined;
  pdf: string | undefined;
  publisher: string | undefined;
  institution: string | undefined;
}

function readAsZotero(tags: Array<[string, string]>): ZoteroReading {
  const first = (name: string) => tags.find(([n]) => n === name)?.[1];
  const all = (name: string) => tags.filter(([n]) => n === name).map(([, c]) => c);
  let hwType: string | undefined;
  for (const [name] of tags) hwType = HIGHWIRE_TYPES[name] ?? hwType;
  const ogType = first('og:type');
  const og = ogType === 'book' ? 'book' : ogType === 'website' ? 'webpage' : undefined;
  const dcType = first('DC.type');
  const dc = dcType && ZOTERO_TYPES.has(dcType) ? dcType : undefined;
  const itemType = hwType ?? og ?? dc ?? (first('citation_title') ? 'journalArticle' : 'webpage');
  const creators = all('citation_author').map((author) => {
    if (!author.includes(',')) {
      const at = author.lastIndexOf(' ');
      return { lastName: author.slice(at + 1), firstName: author.slice(0, at) };
    }
    const [lastName = '', firstName = ''] = author.split(/, ?/);
    return { lastName, firstName };
  });
  return {
    itemType,
    creators,
    abstractNote: first('citation_abstract') ?? first('og:description') ?? first('DC.description'),
    reportType: dcType,
    archiveLocation: first('DC.coverage'),
    url: first('citation_public_url'),
    pdf: first('citation_pdf_url'),
    publisher: first('citation_publisher'),
    institution: first('citation_technical_report_institution'),
  };
}

const BASE = 'https://archive.example.org';
const BOOK = '/reports/the-parallel-gulag/';
const CAMP = '/reports/north-korea-camp-no-25-update-2/';
const INTERVIEW = '/articles/rfa-interview-roberta-cohen-north-korea-represses-news-of-sanctions/';
const KOREAN = '/reports/kyo-hwa-so-no-12-flooding-ko/';

describeEachDatabase('citation data as Zotero reads it', (db) => {
  let app: ReturnType<typeof createApp>;
  const tagsOf = async (path: string) => {
    const { res, $ } = await getPage(app, path);
    expect(res.status, path).toBe(200);
    return $('meta[name], meta[property]')
      .toArray()
      .map((m): [string, string] => [
        ($(m).attr('name') ?? $(m).attr('property'))!,
        $(m).attr('content')!,
      ]);
  };
  const zotero = async (path: string) => readAsZotero(await tagsOf(path));

  beforeAll(async () => {
    ({ app } = await demoApp(db()));
  }, 120_000);

  describe('the item type', () => {
    it('reads a book as a book, with its publisher', async () => {
      const book = await zotero(BOOK);
      expect(book.itemType).toBe('book');
      expect(book.publisher).toBe('Committee for Human Rights in North Korea');
    });

    it('reads a report as a report with its institution, and no "Text" as its report type', async () => {
      const camp = await zotero(CAMP);
      expect(camp.itemType).toBe('report');
      expect(camp.institution).toBe('Committee for Human Rights in North Korea');
      expect(camp.reportType).toBe('Satellite imagery report');
      const report = await zotero(
        '/reports/from-cradle-to-grave-the-path-of-north-korean-innocents/',
      );
      expect(report.itemType).toBe('report');
      expect(report.reportType).toBeUndefined();
    });

    it('reads an interview as an interview and an article on the site as a web page', async () => {
      expect((await zotero(INTERVIEW)).itemType).toBe('interview');
      expect((await zotero(DIALOGUE)).itemType).toBe('webpage');
    });

    it('puts no place into the archive location', async () => {
      const tags = await tagsOf(CAMP);
      expect((await zotero(CAMP)).archiveLocation).toBeUndefined();
      expect(tags.filter(([n]) => n === 'DCTERMS.spatial').length).toBeGreaterThan(0);
    });
  });

  describe('names', () => {
    it('splits every author where the family name ends, a suffix kept with it', async () => {
      expect((await zotero(CAMP)).creators).toEqual([
        { lastName: 'Bermudez Jr.', firstName: 'Joseph S.' },
        { lastName: 'Dinville', firstName: 'Andy' },
        { lastName: 'Eley', firstName: 'Mike' },
      ]);
      expect((await zotero(BOOK)).creators).toEqual([
        { lastName: 'Hawk', firstName: 'David' },
        { lastName: 'Mortwedt Oh', firstName: 'Amanda' },
      ]);
    });

    it('names the "with" collaborator as a Dublin Core contributor, not a creator', async () => {
      const tags = await tagsOf(BOOK);
      const named = (name: string) => tags.filter(([n]) => n === name).map(([, c]) => c);
      expect(named('DC.creator')).toEqual(['Hawk, David']);
      expect(named('DC.contributor')).toContain('Mortwedt Oh, Amanda');
    });
  });

  it('takes the whole summary as the abstract, not the shortened description', async () => {
    for (const path of [BOOK, CAMP, DIALOGUE]) {
      const tags = await tagsOf(path);
      const full = tags.find(([n]) => n === 'DC.description')?.[1];
      expect(full, path).toBeTruthy();
      expect((await zotero(path)).abstractNote, path).toBe(full);
    }
  });

  it('saves the PDF from the page in either interface language', async () => {
    for (const path of [CAMP, KOREAN, BOOK]) {
      const en = await zotero(path);
      const ko = await zotero(`/ko${path}`);
      expect(en.pdf, path).toMatch(/\.pdf$/);
      expect(ko.pdf, path).toBe(en.pdf);
    }
  });

  it('gives a Korean piece one address, its /ko/ page, in every format', async () => {
    const canonical = `${BASE}/ko${KOREAN}`;
    for (const page of [KOREAN, `/ko${KOREAN}`]) {
      const tags = await tagsOf(page);
      expect(tags.filter(([n]) => n === 'DC.identifier').map(([, c]) => c)[0], page).toBe(
        canonical,
      );
      expect((await zotero(page)).url, page).toBe(canonical);
    }
    const { $ } = await getPage(app, `/ko${KOREAN}`);
    expect($('link[rel="canonical"]').attr('href')).toBe(canonical);
    const text = async (path: string) => (await app.request(`http://localhost${path}`)).text();
    expect(await text(`${KOREAN}cite.ris`)).toContain(`UR  - ${canonical}\r\n`);
    expect(await text(`${KOREAN}cite.bib`)).toContain(`url = {${canonical}}`);
    expect(JSON.parse(await text(`${KOREAN}cite.json`))[0].URL).toBe(canonical);
    expect(await text('/feed.xml')).toContain(`<guid isPermaLink="true">${canonical}</guid>`);
    const harvest = await text('/oai?verb=ListRecords&metadataPrefix=oai_dc');
    expect(harvest).toContain(`<dc:identifier>${canonical}</dc:identifier>`);
    expect(harvest).not.toContain(`<dc:identifier>${BASE}${KOREAN}</dc:identifier>`);
  });

  it('carries the "with" credit in CSL-JSON, BibTeX and RIS', async () => {
    const text = async (path: string) => (await app.request(`http://localhost${path}`)).text();
    const [csl] = JSON.parse(await text(`${BOOK}cite.json`));
    expect(csl.author).toEqual([{ family: 'Hawk', given: 'David' }]);
    expect(csl.contributor).toEqual([{ family: 'Mortwedt Oh', given: 'Amanda' }]);
    const bib = await text(`${BOOK}cite.bib`);
    expect(bib).toContain('author = {Hawk, David}');
    expect(bib).toContain('editora = {{Mortwedt Oh}, Amanda}');
    expect(bib).toContain('editoratype = {collaborator}');
    const ris = await text(`${BOOK}cite.ris`);
    expect(ris).toContain('AU  - Hawk, David\r\n');
    expect(ris).not.toContain('AU  - Mortwedt Oh, Amanda');
    expect(ris).toContain('N1  - With Amanda Mortwedt Oh\r\n');
  });
});
