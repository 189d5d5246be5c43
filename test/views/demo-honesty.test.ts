import { beforeAll, expect, it } from 'vitest';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { DIALOGUE, demoApp, FLOOD } from '../support/demo-context.ts';
import { getPage, text } from '../support/html.ts';

/**
 * The demo archive as a reader meets it: text the archive wrote is said to be the archive's, key
 * words as printed stay apart from the archive's topics, a translation names its translator, an
 * announced essay is not called published, an unknown address is not faked, added facts name
 * their sources, and the locator map marks what has a sourced position and says what has none.
 */
const ADDRESSING = '/articles/human-rights-in-north-korea-addressing-the-challenges/';
const VOICE = '/articles/a-voice-from-the-north-korean-gulag/';
const MUST_UN = '/articles/must-un-agencies-also-fail-in-north-korea/';
const FLOOD_KO = '/ko/reports/kyo-hwa-so-no-12-flooding-ko/';
const CAMP_25 = '/reports/north-korea-camp-no-25-update-2/';

describeEachDatabase('the demo archive, honest about what it is', (db) => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ app } = await demoApp(db()));
  }, 120_000);

  it('shows the Dialogue’s summary and body as the archive’s, with no headings of its own', async () => {
    const { $ } = await getPage(app, DIALOGUE);
    expect(text($, '#summary-heading')).toBe('Summary by the archive');
    expect(text($, '.archive-text')).toMatch(/written by the archive, not by the piece’s authors/);
    // The archive-written notice comes before the body it speaks of.
    expect($('.archive-text').next('.body').length).toBe(1);
    expect($('.body h2, .body h3').not('#footnotes-heading, .footnotes h2').length).toBe(0);
    const ko = await getPage(app, `/ko${DIALOGUE}`);
    expect(text(ko.$, '#summary-heading')).toBe('아카이브가 쓴 요약');
  });

  it('labels the archive’s summaries on listings too', async () => {
    const { $ } = await getPage(app, '/articles/');
    const labels = $('main .entry-summary .by-archive');
    expect(labels.length).toBe($('main .entry-summary').length);
    expect(labels.first().text()).toContain('Summary by the archive');
  });

  it('carries “not the author’s” into the abstract every citation format reads', async () => {
    const { $ } = await getPage(app, DIALOGUE);
    expect($('meta[name="citation_abstract"]').attr('content')).toMatch(
      /^\[Summary by the archive, not by the author\] /,
    );
    expect($('meta[name="DC.description"]').attr('content')).toMatch(/^\[Summary by the archive/);
    const ris = await app.request(`http://localhost${DIALOGUE}cite.ris`);
    expect(ris.status).toBe(200);
    expect(await ris.text()).toMatch(/AB {2}- \[Summary by the archive/);
    const voice = await app.request(`http://localhost${VOICE}cite.ris`);
    // Not cited as in the journal: no journal or container of that name.
    expect(await voice.text()).not.toMatch(/^(JO|JF|T2) {2}- Journal of Democracy/m);
  });

  it('shows key words as printed only where the page prints them, and the archive’s topics as topics', async () => {
    const addressing = await getPage(app, ADDRESSING);
    expect(text(addressing.$, '.tags')).toContain(
      'Key words: North Korea, Human Rights, Humanitarian, United Nations, Commission of Inquiry',
    );
    expect(text(addressing.$, '.tags')).toContain('Topics:');
    const dialogue = await getPage(app, DIALOGUE);
    expect(text(dialogue.$, '.tags')).toContain('Topics:');
    expect(text(dialogue.$, '.tags')).not.toContain('Key words');
  });

  it('labels the Korean flooding report as the archive’s translation of the English original', async () => {
    const { $ } = await getPage(app, FLOOD_KO);
    expect(text($, '.pub-facts')).toContain('Dossier 시연용 아카이브 번역 (영어 원문에서)');
    expect($(`.translations a[href="/ko${FLOOD}"][hreflang="en"]`).length).toBe(1);
    const en = await getPage(app, '/reports/kyo-hwa-so-no-12-flooding-ko/');
    expect(text(en.$, '.pub-facts')).toContain(
      'Translated by the Dossier demo archive from the English original',
    );
    // The English original is no one's translation.
    expect(text((await getPage(app, FLOOD)).$, '.pub-facts')).not.toContain('Translated by');
  });

  it('says the Journal of Democracy essay was announced there, and cites it as the posting it is', async () => {
    const { $ } = await getPage(app, VOICE);
    expect(text($, '.pub-facts')).toContain('Announced as forthcoming in Journal of Democracy');
    expect(text($, '.pub-facts')).not.toContain('First published in');
    expect($('meta[name="citation_journal_title"]').length).toBe(0);
    const work = $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).text()))
      .get()
      .find((d) => d['@type'] !== 'BreadcrumbList');
    expect(work.datePublished).toBe('2013-04-01');
    expect(JSON.stringify(work.isPartOf ?? null)).not.toContain('Journal of Democracy');
  });

  it('says the 38 North article’s own address is not known, linking the site only as the site', async () => {
    const { $ } = await getPage(app, MUST_UN);
    expect(text($, '.pub-text .continue')).toContain(
      'The full text is at 38 North; the address of this piece there is not known.',
    );
    expect($('.pub-text a.continue').length).toBe(0);
    const site = $('.pub-text .continue a');
    expect(site.attr('href')).toBe('https://www.38north.org');
    expect(site.text()).toBe('Website of 38 North');
  });

  it('names the source of the series and of each place’s placement the seed page does not print', async () => {
    const camp = await getPage(app, CAMP_25);
    expect(text(camp.$, 'nav.series')).toContain(
      'the third HRNK satellite imagery report on Camp No. 25',
    );
    const chongjin = await getPage(app, '/places/chongjin/');
    expect(text(chongjin.$, '.place-facts dl')).toContain(
      'Susong-dong, Chongjin-si, North Hamgyong Province',
    );
    const jongo = await getPage(app, '/places/jongo-ri/');
    expect(text(jongo.$, '.place-facts dl')).toContain('Hoeryŏng-si, Hamgyŏng-bukto');
  });

  it('words the disclaimer for a list under the list of articles, and prints none under reports', async () => {
    const articles = await getPage(app, '/articles/');
    expect(text(articles.$, 'aside.disclaimer')).toMatch(
      /^The views expressed in these articles are those of the authors/,
    );
    const reports = await getPage(app, '/reports/');
    expect(reports.$('aside.disclaimer').length).toBe(0);
    const report = await getPage(app, FLOOD);
    expect(report.$('aside.disclaimer').length).toBe(0);
    const article = await getPage(app, DIALOGUE);
    expect(text(article.$, 'aside.disclaimer')).toMatch(
      /^The views expressed in this article are those of the author/,
    );
  });

  it('marks a place’s own sourced position on its locator map', async () => {
    const { $ } = await getPage(app, '/places/kyo-hwa-so-no-12/');
    expect($('.locator-map svg:not(.inset) circle.marker').length).toBe(1);
    expect($('.locator-map circle.marker-inside').length).toBe(0);
    expect($('#locator-map-title').text()).toBe(
      'Locator map of North Korea with Kyo-hwa-so No. 12 marked',
    );
  });

  it('marks the sourced positions inside a province, says its own is not recorded, and names each source', async () => {
    const { $ } = await getPage(app, '/places/hamgyong-bukto/');
    expect($('.locator-map circle.marker-inside').length).toBe(2);
    const title = $('#locator-map-title').text();
    expect(title).toContain('The position of Hamgyŏng-bukto is not recorded');
    expect(title).toContain('Kyo-hwa-so No. 12');
    expect(title).toContain('Camp No. 25');
    const sources = text($, '.locator-map .map-sources');
    expect(sources).toContain('Imagery Analysis of Kyo-hwa-so No. 12');
    expect(sources).toContain('Imagery Analysis of Camp No. 25 – Update 2');
    // Every marker lies inside the drawing.
    for (const circle of $('.locator-map circle.marker-inside').toArray()) {
      const x = Number($(circle).attr('cx'));
      const y = Number($(circle).attr('cy'));
      expect(x > 0 && x < 280 && y > 0 && y < 280).toBe(true);
    }
    const ko = await getPage(app, '/ko/places/hamgyong-bukto/');
    expect(ko.$('#locator-map-title').text()).toContain('함경북도의 위치는 기록되어 있지 않아');
  });
});
