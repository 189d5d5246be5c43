import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoArchive } from '../../src/cli/demo/demo-archive.data.ts';
import type { WiredContext } from '../../src/context.ts';
import { updatePerson } from '../../src/features/entities/update-entities.ts';
import { en, type MessageKey } from '../../src/ui/i18n/messages.en.ts';
import { ko } from '../../src/ui/i18n/messages.ko.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { type Crawled, crawl } from '../support/crawl.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp, FLOOD } from '../support/demo-context.ts';
import { getPage, text } from '../support/html.ts';

const ORIGIN = 'https://demo.example';

/** A demo place's Hangul name, as the gazetteer data gives it. */
function hangulOf(slug: string): string {
  const place = demoArchive.places.find((p) => p.slug === slug)!;
  return place.names.find((n) => n.scheme === 'hangul')!.name;
}
const GULAG = '/reports/the-parallel-gulag/';
const FLOOD_KO = '/reports/kyo-hwa-so-no-12-flooding-ko/';

/**
 * A pattern for each English message that differs from its Korean one: the whole message with
 * its placeholders open, and each stretch of words between placeholders, since a page shows a
 * message's words around elements as text nodes of their own ("Interview by", "with").
 */
function englishMessagePatterns(): Array<{ key: MessageKey; pattern: RegExp }> {
  const out: Array<{ key: MessageKey; pattern: RegExp }> = [];
  for (const key of Object.keys(en) as MessageKey[]) {
    if (en[key] === ko[key]) continue;
    const pieces = en[key].split(/\{\w+\}/);
    const whole = pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
    out.push({ key, pattern: new RegExp(`^${whole.trim()}$`) });
    for (const piece of pieces.map((p) => p.trim())) {
      // A stretch of English words, not punctuation or a single letter.
      if (/[A-Za-z]{2}/.test(piece)) {
        out.push({ key, pattern: new RegExp(`^${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
      }
    }
  }
  return out;
}

/** Attributes that a screen reader or a browser shows as interface text. */
const INTERFACE_ATTRIBUTES = ['aria-label', 'placeholder', 'alt', 'aria-description'];

const HANGUL = /[\uac00-\ud7af]/;

interface Finding {
  path: string;
  what: string;
  text: string;
}

/**
 * The interface text of a Korean page that is not Korean. Text inside an element marked with
 * another language (an English title, a romanized name) is content and is left alone; anything
 * else in the Korean page must not be an English message, nor a run of English words, and the
 * labels read to screen readers must be in Korean.
 */
function englishInterfaceText(page: Crawled): Finding[] {
  const $ = cheerio.load(page.body);
  // The head's title and meta tags are the page's content (its title) and the site's name.
  $('head, script, style, template').remove();
  const patterns = englishMessagePatterns();
  const findings: Finding[] = [];
  const languageOf = (node: AnyNode) =>
    (node.type === 'text' ? $(node.parent!) : $(node)).closest('[lang]').attr('lang') ?? '';
  $('*')
    .contents()
    .each((_, node) => {
      if (node.type !== 'text') return;
      const value = node.data.replace(/\s+/g, ' ').trim();
      if (!/[A-Za-z]/.test(value) || languageOf(node) !== 'ko') return;
      const message = patterns.find((p) => p.pattern.test(value));
      if (message) findings.push({ path: page.path, what: `message ${message.key}`, text: value });
      // Two English words in a row, in lower case: prose, not a name ("is named on the page").
      // A gloss in brackets beside its Korean ("부학장(associate dean)") is not.
      else if (/\b[a-z]{2,} [a-z]{2,}\b/.test(value.replace(/\([^)]*\)/g, ''))) {
        findings.push({ path: page.path, what: 'English prose', text: value });
      }
    });
  for (const attribute of INTERFACE_ATTRIBUTES) {
    $(`[${attribute}]`).each((_, element) => {
      const value = $(element).attr(attribute) ?? '';
      if (!/[A-Za-z]/.test(value) || HANGUL.test(value) || languageOf(element) !== 'ko') return;
      findings.push({ path: page.path, what: attribute, text: value });
    });
  }
  return findings;
}

describe('the check for English on Korean pages', () => {
  const page = (body: string): Crawled => ({
    path: '/ko/x/',
    status: 200,
    type: 'text/html',
    headers: new Headers(),
    body: `<html lang="ko"><body>${body}</body></html>`,
  });

  it('finds an English message, a run of English words and an English label', () => {
    expect(englishInterfaceText(page('<h2>Key words</h2>'))).toHaveLength(1);
    expect(englishInterfaceText(page('<p>Interview by <a>Byun</a></p>'))).toHaveLength(1);
    expect(englishInterfaceText(page('<p>Cohen is named on the page as chair.</p>'))).toHaveLength(
      1,
    );
    expect(englishInterfaceText(page('<nav aria-label="Breadcrumb"></nav>'))).toHaveLength(1);
  });

  it('leaves content marked as English, names and Korean text alone', () => {
    const body =
      '<h2 lang="en">Key words</h2><p lang="en">Cohen is named on the page as chair.</p>' +
      '<p><a>Roberta Cohen</a>, 북한인권위원회(HRNK)</p><nav aria-label="현재 위치"></nav>';
    expect(englishInterfaceText(page(body))).toEqual([]);
  });
});

describeEachDatabase('the Korean site', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let pages: Crawled[];
  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db(), '2026-06-01T12:00:00.000Z', ORIGIN));
    const crawled = await crawl(
      app,
      [
        '/ko/',
        '/ko/people/',
        '/ko/places/',
        '/ko/topics/',
        '/ko/years/',
        `/ko/search?q=${encodeURIComponent('북한')}`,
        `/ko/search?q=${encodeURIComponent('zzzqqq')}`,
        '/ko/no-such-page/',
      ],
      ORIGIN,
      { leaf: (path) => path.includes('/search') },
    );
    pages = crawled.filter((p) => p.path.startsWith('/ko/') && p.type.includes('text/html'));
  }, 180_000);

  it('shows no English interface text on any Korean page of the demo', () => {
    // Every kind of page: home, listings, publications, people, places, topics, years, 404.
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.map((p) => p.path)).toEqual(
      expect.arrayContaining(['/ko/about/about-ko/', '/ko/places/north-korea/', '/ko/years/2016/']),
    );
    expect(pages.flatMap(englishInterfaceText)).toEqual([]);
  });

  it('names the About page in Korean in the menu and takes Korean readers to its Korean version', async () => {
    const { $ } = await getPage(app, '/ko/');
    const about = $('.site-nav a').last();
    expect(about.text()).toBe('이 시연용 아카이브에 대하여');
    expect(about.attr('href')).toBe('/ko/about/about-ko/');
    const english = (await getPage(app, '/')).$('.site-nav a').last();
    expect(english.text()).toBe('About this demo archive');
    expect(english.attr('href')).toBe('/about/about/');
  });

  it('gives a person’s bio in Korean, the archive’s translation of its English one', async () => {
    const { $ } = await getPage(app, '/ko/people/roberta-cohen/');
    expect(text($, '.bio')).toContain('명예 공동위원장(Co-Chair Emeritus)');
    // A role's title has no Korean form: it shows as printed, marked as English.
    expect($('.roles [lang="en"]').first().text()).toBe('HRNK Co-Chair');
  });

  it('links places in Hangul on Korean pages and keeps the romanized names on English ones', async () => {
    const korean = (await getPage(app, `/ko${FLOOD_KO}`)).$;
    expect(korean('a[href^="/ko/places/"]').first().text().trim()).toBe('제12호 교화소, 전거리');
    const english = (await getPage(app, FLOOD)).$;
    expect(english('a[href^="/places/"]').first().text().trim()).toBe(
      'Kyo-hwa-so No. 12, Jongo-ri',
    );
    const place = (await getPage(app, '/ko/places/camp-no-25/')).$;
    expect(place('h1').text()).toBe(hangulOf('camp-no-25'));
    expect(
      place('.place-facts dd a')
        .map((_, a) => place(a).text())
        .get(),
    ).toEqual(expect.arrayContaining(['수성', '청진시', '함경북도']));
  });

  it('calls the country 북한 in Korean and keeps its official name as a variant', async () => {
    const index = (await getPage(app, '/ko/places/')).$;
    const country = index('a[href="/ko/places/north-korea/"]');
    expect(country.text()).toBe('북한');
    expect(country.next().text().trim()).toBe('North Korea');
    expect(index('main').text()).not.toContain('조선민주주의인민공화국');
    const place = (await getPage(app, '/ko/places/north-korea/')).$;
    expect(place('h1').text()).toBe('북한');
    expect(place('table.names').text()).toContain('조선민주주의인민공화국');
    expect((await getPage(app, '/places/')).$('a[href="/places/north-korea/"]').text()).toBe(
      'North Korea',
    );
  });

  it('prints the "with" credit as a Korean editor would, and the English one as printed', async () => {
    const korean = (await getPage(app, `/ko${GULAG}`)).$;
    expect(text(korean, 'main .byline')).toBe('David Hawk 지음, Amanda Mortwedt Oh 참여');
    const english = (await getPage(app, GULAG)).$;
    expect(text(english, 'main .byline')).toBe('David Hawk with Amanda Mortwedt Oh');
  });

  it('gives coordinates in Korean', async () => {
    const { $ } = await getPage(app, '/ko/places/kyo-hwa-so-no-12/');
    expect(text($, '.place-facts dd')).toContain('북위 42.209410°, 동경 129.755100°');
  });

  it('shows a person’s Hangul name only with its source, the romanized name beside', async () => {
    const hawk = (await ctx.repos.people.findBySlug('david-hawk'))!;
    await updatePerson(ctx, hawk.id, { ...hawk, nameKo: '데이비드 호크' }, SYSTEM_ACTOR);
    expect(text((await getPage(app, '/ko/people/david-hawk/')).$, 'h1')).toBe('David Hawk');
    expect(text((await getPage(app, `/ko${GULAG}`)).$, 'main .byline')).not.toContain('호크');

    const source = 'A source that prints the name (test data)';
    await updatePerson(
      ctx,
      hawk.id,
      { ...hawk, nameKo: '데이비드 호크', nameKoSource: source },
      SYSTEM_ACTOR,
    );
    expect((await ctx.repos.people.findById(hawk.id))?.nameKoSource).toBe(source);
    const person = (await getPage(app, '/ko/people/david-hawk/')).$;
    expect(text(person, 'h1')).toBe('데이비드 호크 (David Hawk)');
    expect(text(person, '.name-ko cite')).toBe(source);
    expect(text((await getPage(app, `/ko${GULAG}`)).$, 'main .byline')).toBe(
      '데이비드 호크 (David Hawk) 지음, Amanda Mortwedt Oh 참여',
    );
    // English pages keep the name as printed.
    expect(text((await getPage(app, GULAG)).$, 'main .byline')).toBe(
      'David Hawk with Amanda Mortwedt Oh',
    );
    await updatePerson(ctx, hawk.id, hawk, SYSTEM_ACTOR);
  });
});
