import { beforeAll, expect, it } from 'vitest';
import { demoArchive } from '../src/cli/demo/demo-archive.data.ts';
import { loadDemo } from '../src/cli/demo/load-demo.ts';
import type { WiredContext } from '../src/context.ts';
import type { PublicationRecord } from '../src/core/entities.ts';
import { SYSTEM_ACTOR } from './support/actors.ts';
import { describeEachDatabase } from './support/databases.ts';
import { fixedClock, testContext } from './support/factories.ts';

/**
 * Every fact of the seed page that the demo promises, checked against the stored archive (not
 * against the demo's data file), on both databases.
 */
const ARTICLES = 'Articles by Board Members, Fellows and Staff';

/** [title as printed (… where the page cuts it), date, authors as printed, section title]. */
const SEED_ENTRIES: Array<[string, string, string[], string]> = [
  [
    '[RFA Exclusive Interview] Roberta Cohen “North Korea represses news of sanctions on Kim Jong-un to block criticism of his legiti…',
    '2016-07-25',
    ['Roberta Cohen, HRNK Co-Chair Emeritus', 'Byun Chang-seop'],
    ARTICLES,
  ],
  ['North Korea: Why Human Rights Must Come First', '2016-02-19', ['Carl Gershman'], ARTICLES],
  ['Empty marching in Korea', '2015-04-26', ['Abraham Cooper', 'Greg Scarlatoiu'], ARTICLES],
  [
    'Must UN Agencies Also Fail in North Korea?',
    '2015-04-21',
    ['Roberta Cohen, HRNK Co-Chair'],
    ARTICLES,
  ],
  ["The Kim Regime's Atrocities, and the Road Ahead", '2015-03-05', ['Carl Gershman'], ARTICLES],
  [
    'A Human Rights Dialogue with North Korea: Real or Illusory?',
    '2014-10-16',
    ['Roberta Cohen, HRNK Co-Chair'],
    ARTICLES,
  ],
  ['Untitled — 2 July 2014', '2014-07-02', ['Roberta Cohen, HRNK Co-Chair'], ARTICLES],
  [
    'Human Rights in North Korea: Addressing the Challenges',
    '2013-12-31',
    ['Roberta Cohen, HRNK Co-Chair'],
    ARTICLES,
  ],
  ['A Voice from the North Korean Gulag', '2013-04-01', ['Carl Gershman'], ARTICLES],
  [
    'North Korea Faces Heightened Human Rights Scrutiny',
    '2013-03-21',
    ['Roberta Cohen, HRNK Co-Chair'],
    ARTICLES,
  ],
  [
    'From Cradle to Grave: The Path of North Korean Innocents',
    '2017-11-13',
    ['Robert Collins', 'Amanda Mortwedt Oh'],
    'Reports and Publications',
  ],
  [
    "The Parallel Gulag: North Korea's…",
    '2017-10-26',
    ['David Hawk', 'with Amanda Mortwedt Oh'],
    'Reports and Publications',
  ],
  [
    'North Korea Camp No. 25 Update 2',
    '2016-11-29',
    ['Joseph S. Bermudez Jr.', 'Andy Dinville', 'Mike Eley'],
    'Reports and Publications',
  ],
  [
    'North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri',
    '2016-09-16',
    ['Greg Scarlatoiu', 'Joseph S. Bermudez Jr.'],
    'Reports and Publications',
  ],
];

const DISCLAIMER =
  'The views expressed in this article are those of the author and do not necessarily represent the views of, and should not be attributed to, the Committee for Human Rights in North Korea (HRNK).';

/** As the page prints it once, under its list of articles. */
const LIST_DISCLAIMER =
  'The views expressed in these articles are those of the authors and do not necessarily represent the views of, and should not be attributed to, the Committee for Human Rights in North Korea (HRNK).';

const NOW = new Date('2026-06-01T12:00:00.000Z');

describeEachDatabase('the demo archive', (db) => {
  let ctx: WiredContext;
  let all: PublicationRecord[];
  // The about page has a Korean version too, so the report is picked by what it is, not by row order.
  const koreanReport = () =>
    all.find((p) => p.language === 'ko' && p.status === 'published' && p.type !== 'page')!;
  const byTitle = (title: string) => {
    const p = all.find((x) => x.title === title);
    if (!p) throw new Error(`no publication titled ${title}`);
    return p;
  };
  const people = async (p: PublicationRecord) => {
    const found = await ctx.repos.people.findByIds(p.contributions.map((c) => c.personId));
    return p.contributions.map((c) => ({ ...c, person: found.find((x) => x.id === c.personId)! }));
  };

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock(NOW.toISOString()));
    await loadDemo(ctx, demoArchive, SYSTEM_ACTOR);
    const ids = await ctx.db.kysely.selectFrom('publications').select('id').execute();
    all = (await Promise.all(ids.map((r) => ctx.repos.publications.findById(r.id)))).filter(
      (p): p is PublicationRecord => p !== undefined,
    );
  }, 120_000);

  it('holds all 14 entries of the seed page with their titles, dates, sections and authors as printed', async () => {
    const sections = await ctx.repos.sections.list();
    for (const [title, day, authors, sectionTitle] of SEED_ENTRIES) {
      const p = byTitle(title);
      expect(p.status, title).toBe('published');
      expect(p.publishedAt?.slice(0, 10), title).toBe(day);
      expect(sections.find((s) => s.id === p.sectionId)?.title, title).toBe(sectionTitle);
      const printed = (await people(p)).map(
        (c) =>
          `${c.credit === 'secondary' ? 'with ' : ''}${c.person.name}${c.affiliationLabel ? `, ${c.affiliationLabel}` : ''}`,
      );
      expect(printed, title).toEqual(authors);
    }
  });

  it('lists exactly 10 articles and 4 English reports to the public', async () => {
    const articles = (await ctx.repos.sections.list()).find((s) => s.title === ARTICLES)!;
    expect(await ctx.repos.catalog.count({ sectionId: articles.id }, NOW)).toBe(10);
    const reports = (await ctx.repos.sections.list()).find((s) => s.slug === 'reports')!;
    const listed = await ctx.repos.catalog.list(
      { sectionId: reports.id },
      { limit: 50, offset: 0 },
      NOW,
    );
    expect(listed.items.filter((p) => p.language === 'en')).toHaveLength(4);
  });

  it('gives Roberta Cohen’s person page all six of her pieces', async () => {
    const cohen = await ctx.repos.people.findBySlug('roberta-cohen');
    expect(cohen?.roles.map((r) => r.title)).toEqual(['HRNK Co-Chair', 'HRNK Co-Chair Emeritus']);
    expect(await ctx.repos.catalog.count({ personId: cohen!.id }, NOW)).toBe(6);
  });

  it('names the venues of pieces first published elsewhere', async () => {
    const venueOf = async (title: string) =>
      (await ctx.repos.organizations.findByIds([byTitle(title).venueId!]))[0]?.name;
    expect(await venueOf(SEED_ENTRIES[0]![0])).toBe('Radio Free Asia');
    expect(await venueOf('Must UN Agencies Also Fail in North Korea?')).toBe('38 North');
    expect(await venueOf('A Voice from the North Korean Gulag')).toBe('Journal of Democracy');
    expect(await venueOf('North Korea: Why Human Rights Must Come First')).toMatch(
      /North Korea: The Human Condition and Security Nexus/,
    );
    expect(byTitle('Must UN Agencies Also Fail in North Korea?').excerptOnly).toBe(true);
  });

  it('credits Byun Chang-seop as the interviewer of the RFA interview', async () => {
    const p = byTitle(SEED_ENTRIES[0]![0]);
    expect(p.type).toBe('interview');
    const credits = await people(p);
    expect(credits.find((c) => c.role === 'interviewer')?.person.name).toBe('Byun Chang-seop');
    expect(credits.find((c) => c.role === 'interviewee')?.person.name).toBe('Roberta Cohen');
  });

  it('keeps the key words as printed for the one piece the page prints them for, apart from topics', async () => {
    const p = byTitle('Human Rights in North Korea: Addressing the Challenges');
    expect(p.keywords).toBe(
      'North Korea, Human Rights, Humanitarian, United Nations, Commission of Inquiry',
    );
    expect(all.filter((x) => x.keywords !== null).map((x) => x.title)).toEqual([p.title]);
    const topics = await ctx.repos.topics.findByIds(p.topicIds);
    const names = p.topicIds.map((id) => topics.find((t) => t.id === id)?.name);
    expect(names).toEqual([
      'North Korea',
      'Human Rights',
      'Humanitarian',
      'United Nations',
      'Commission of Inquiry',
    ]);
  });

  it('links the 17 footnotes of the Dialogue article both ways, with the references as printed', () => {
    const p = byTitle('A Human Rights Dialogue with North Korea: Real or Illusory?');
    for (let n = 1; n <= 17; n++) {
      expect(p.bodyHtml).toContain(`href="#fn${n}"`);
      expect(p.bodyHtml).toContain(`href="#fnref${n}"`);
    }
    expect(p.bodyHtml).not.toContain('href="#fn18"');
    const text = p.body.replace(/\u00a0/g, ' ');
    expect(text).toContain('[^11]: G8 Final Communique, Lough Erne, 2013, para. 93.');
    expect(text).toContain('[^16]: COI Report, para. 94 (h).');
    expect(text).toContain('[^4]: Associated Press, October 7, 2014.');
  });

  it('ties each imagery report to its place, with every spelling of the place', async () => {
    const flood = byTitle('North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri');
    const places = await ctx.repos.places.findByIds(flood.placeIds);
    const camp = places.find((p) => p.slug === 'kyo-hwa-so-no-12')!;
    expect(camp.latitude).toBe(42.20941);
    expect(camp.longitude).toBe(129.7551);
    expect(camp.coordinatesSource).toMatch(/HRNK/);
    const jongo = await ctx.repos.places.findBySlug('jongo-ri');
    expect(jongo?.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['Jongo-ri', 'Jŏngŏ-ri', '전거리', "Chŏn'gŏ-ri", 'Jeongeo-ri']),
    );
    const chain: string[] = [];
    let at = jongo;
    while (at) {
      chain.push(at.slug);
      at = at.parentId ? (await ctx.repos.places.findByIds([at.parentId]))[0] : undefined;
    }
    expect(chain).toEqual(['jongo-ri', 'hoeryong', 'hamgyong-bukto', 'north-korea']);
    const province = await ctx.repos.places.findBySlug('hamgyong-bukto');
    expect(province?.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['Hamgyŏng-bukto', '함경북도', 'Hamgyeongbuk-do']),
    );
    const update2 = byTitle('North Korea Camp No. 25 Update 2');
    const camp25 = (await ctx.repos.places.findByIds(update2.placeIds)).find(
      (p) => p.slug === 'camp-no-25',
    )!;
    expect(camp25.coordinatesSource).toMatch(/Camp No\. 25 – Update 2/);
    const susong = await ctx.repos.places.findByIds([camp25.parentId!]);
    expect(susong[0]?.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['Susŏng', '수성', 'Suseong']),
    );
    const chongjin = await ctx.repos.places.findBySlug('chongjin');
    expect(chongjin?.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['청진시', 'Cheongjin-si']),
    );
  });

  it('adds no coordinates beyond those the imagery reports print, each with its report named', async () => {
    const withCoordinates = (await ctx.repos.places.list()).filter((p) => p.latitude !== null);
    expect(withCoordinates.map((p) => [p.slug, p.latitude, p.longitude]).sort()).toEqual([
      ['camp-no-25', 41.834384, 129.72528],
      ['kyo-hwa-so-no-12', 42.20941, 129.7551],
    ]);
    const bySlug = (slug: string) => withCoordinates.find((p) => p.slug === slug)!;
    expect(bySlug('kyo-hwa-so-no-12').coordinatesSource).toContain(
      'Imagery Analysis of Kyo-hwa-so No. 12',
    );
    expect(bySlug('kyo-hwa-so-no-12').coordinatesSource).toContain('42.209410 N, 129.755100 E');
    expect(bySlug('camp-no-25').coordinatesSource).toContain('41.834384 N, 129.725280 E');
  });

  it('names a public source for every placement of a place that the seed page does not print', async () => {
    const places = await ctx.repos.places.list();
    const slugOf = (id: number | null) => places.find((p) => p.id === id)?.slug;
    // The page prints "Kyo-hwa-so No. 12, Jongo-ri in Hamgyŏng-bukto, North Korea": those links
    // are its own; every other link between places was added by the archive.
    const printed = new Set(['kyo-hwa-so-no-12>jongo-ri', 'hamgyong-bukto>north-korea']);
    for (const p of places.filter((x) => x.parentId !== null)) {
      const link = `${p.slug}>${slugOf(p.parentId)}`;
      if (printed.has(link)) continue;
      expect(p.parentSource, link).toMatch(/HRNK/);
    }
    expect((await ctx.repos.places.findBySlug('chongjin'))?.parentSource).toContain(
      'Susong-dong, Chongjin-si, North Hamgyong Province',
    );
    expect((await ctx.repos.places.findBySlug('jongo-ri'))?.parentSource).toContain(
      'Hoeryŏng-si, Hamgyŏng-bukto',
    );
  });

  it('calls Camp No. 25 a kwan-li-so, as its sources do, not a kyo-hwa-so', async () => {
    const camp = await ctx.repos.places.findBySlug('camp-no-25');
    const names = camp!.names.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['Kwan-li-so No. 25', '제25호 관리소']));
    expect(names.join(' ')).not.toMatch(/kyo-hwa-so|교화소/i);
  });

  it('marks every summary and every body that the archive wrote as the archive’s', () => {
    for (const p of all.filter((x) => x.summary)) {
      expect(p.archiveText, p.title).toMatch(/^summary/);
    }
    const dialogue = byTitle('A Human Rights Dialogue with North Korea: Real or Illusory?');
    expect(dialogue.archiveText).toBe('summary-and-body');
    // No headings of the archive's own making inside a summary of someone else's argument.
    expect(dialogue.body).not.toMatch(/^#/m);
    // The about pages are the archive's own, under no one's byline.
    for (const p of all.filter((x) => x.body.trim() !== '' && x.type !== 'page')) {
      expect(p.archiveText, p.title).toBe('summary-and-body');
    }
  });

  it('labels the Korean flooding report as the archive’s translation', async () => {
    const ko = koreanReport();
    const [translator] = await ctx.repos.organizations.findByIds([ko.translatedById!]);
    expect(translator?.slug).toBe('dossier-demo-archive');
    expect(all.filter((p) => p.translatedById !== null)).toHaveLength(1);
  });

  it('keeps the Journal of Democracy essay as announced, not published, there', () => {
    const voice = byTitle('A Voice from the North Korean Gulag');
    expect(voice.venueStatus).toBe('forthcoming');
    expect(all.filter((p) => p.venueStatus === 'forthcoming')).toHaveLength(1);
  });

  it('gives no address for the 38 North article, which the page does not link', () => {
    expect(byTitle('Must UN Agencies Also Fail in North Korea?').externalUrl).toBeNull();
  });

  it('places Update 2 third in the Camp No. 25 series, by a named source, with the earlier parts as drafts', async () => {
    const update2 = byTitle('North Korea Camp No. 25 Update 2');
    const series = await ctx.repos.series.findById(update2.seriesId!);
    expect(series?.title).toBe('North Korea: Camp No. 25');
    expect(series?.source).toContain('the third HRNK satellite imagery report on Camp No. 25');
    expect(update2.seriesPosition).toBe(3);
    const parts = all
      .filter((p) => p.seriesId === series!.id)
      .sort((a, b) => a.seriesPosition! - b.seriesPosition!);
    expect(parts.map((p) => [p.seriesPosition, p.status])).toEqual([
      [1, 'draft'],
      [2, 'draft'],
      [3, 'published'],
    ]);
  });

  it('flags the page’s gaps for editors and invents nothing to fill them', () => {
    expect(byTitle('Untitled — 2 July 2014').needsAttention).toMatch(/title/i);
    expect(byTitle(SEED_ENTRIES[0]![0]).needsAttention).toMatch(/cut off/i);
    expect(byTitle("The Parallel Gulag: North Korea's…").needsAttention).toMatch(/cut off/i);
    const empty = byTitle('Empty marching in Korea');
    expect(empty.excerptOnly).toBe(true);
    expect(empty.venueId).toBeNull();
    expect(empty.needsAttention).toMatch(/venue/i);
  });

  it('lets no style junk from the page survive', () => {
    for (const p of all) {
      expect(`${p.summary} ${p.body}`, p.title).not.toMatch(/p\.p1|margin:|font: \d/);
    }
  });

  it('words the disclaimer as the page prints it: one for each article, one under the list, none for reports', async () => {
    const sections = await ctx.repos.sections.list();
    const articles = sections.find((s) => s.slug === 'articles')!;
    expect(articles.disclaimer).toBe(DISCLAIMER);
    expect(articles.listDisclaimer).toBe(LIST_DISCLAIMER);
    expect(articles.listDisclaimerKo).toMatch(/필자들/);
    const reports = sections.find((s) => s.slug === 'reports')!;
    expect(reports.disclaimer).toBeNull();
    expect(reports.listDisclaimer).toBeNull();
    expect(all.filter((p) => p.disclaimer !== null)).toHaveLength(0);
  });

  it('gives every report a generated PDF stored by its hash', async () => {
    for (const [title, , , section] of SEED_ENTRIES.filter((e) => e[3] !== ARTICLES)) {
      const p = byTitle(title);
      const files = await ctx.repos.files.attachmentsOf([p.id]);
      const pdf = files.find((f) => f.role === 'main-pdf');
      expect(pdf?.file.mediaType, `${section}: ${title}`).toBe('application/pdf');
      expect(await ctx.files.verify(pdf!.file.sha256)).toBe('ok');
    }
  });

  it('holds a Korean publication linked to its English version', () => {
    const ko = koreanReport();
    const en = all.find((p) => p.translationGroup === ko.translationGroup && p.language === 'en');
    expect(ko.title).toMatch(/[\uac00-\ud7a3]/);
    expect(en?.title).toBe('North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri');
    expect(`${ko.summary} ${ko.body}`).toContain('북한인권');
  });

  it('refuses to load into an archive that already holds work', async () => {
    await expect(loadDemo(ctx, demoArchive, SYSTEM_ACTOR)).rejects.toThrow(/empty/);
  });
});
