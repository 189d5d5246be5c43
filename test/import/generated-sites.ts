import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';

/**
 * Hand-made sites of three shapes (and a Korean one), written by the test suite into a temporary
 * folder, each with the entries a person reading it would list: the ground truth an import is
 * compared with, field by field. All of them are fictional.
 */
export interface TruthEntry {
  section: string;
  title: string;
  /** Checked when given. */
  slug?: string;
  subtitle?: string | null;
  publishedAt: string | null;
  /** How much of the date the source printed; 'day' when not given. */
  precision?: 'day' | 'month' | 'year';
  status: 'published' | 'draft';
  language: string;
  type: string;
  /** Checked when given (bylines are read by the byline grammar, tested on its own). */
  authors?: Array<{ name: string; credit: 'primary' | 'secondary'; affiliation: string | null }>;
  summary?: string | null;
  bodyHas: string[];
  bodyLacks: string[];
  /** [file name, role], in order. */
  files: Array<[string, string]>;
  topics?: string[];
  externalUrl?: string | null;
  /** What the needs-attention note must say, or null for none. */
  attention: RegExp | null;
}

export interface GeneratedSite {
  dir: string;
  profile: unknown;
  truth: TruthEntry[];
  /** Entries the import must skip, with the reason it must give. */
  skipped: Array<{ title: string; reason: RegExp }>;
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function writer(dir: string) {
  return (path: string, content: string | Buffer) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
}

export const pdf = (title: string, text: string) => writeTextPdf({ title, pages: [text] });

const page = (lang: string, body: string, head = '') =>
  `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>\n${body}\n</body></html>\n`;

const DISCLAIMER =
  '<p class="disclaimer">The views expressed in this article are those of the author.</p>';

// ————————————————————————————————————————————————————————————————————————————————
// 1. The seed's shape: two lists on one listing page, the text inline, a few detail pages.
// ————————————————————————————————————————————————————————————————————————————————

export async function seedLikeSite(): Promise<GeneratedSite> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-seedlike-'));
  const write = writer(dir);
  const entry = (e: {
    title: string;
    byline: string;
    date: string;
    summary: string;
    text?: string;
    more?: string;
  }) => `  <article class="entry">
    <h3 class="entry-title">${e.title}</h3>
    <p class="entry-byline">${e.byline}</p>
    <p class="entry-date">${e.date}</p>
    ${e.more ?? ''}
    <div class="entry-summary">${e.summary}</div>
    ${e.text ? `<div class="entry-text">${e.text}</div>` : ''}
    ${DISCLAIMER}
  </article>`;
  write(
    'index.html',
    page(
      'en',
      `<p class="breadcrumbs">Home &gt; Articles</p>
<section id="articles">
${entry({
  title: 'Why the Camps Persist',
  byline: 'Roberta Cohen, HRNK Co-Chair',
  date: 'Jul 25, 2016',
  summary: 'Four reasons the political prison camps outlast every reform.',
  text: `<style>p.p1 {margin: 0.0px 0.0px 0.0px 0.0px; font: 12.0px Helvetica}</style>
<p>p.p1 {margin: 0.0px 0.0px 0.0px 0.0px; font: 12.0px Helvetica} span.s1 {font-kerning: none}</p>
<p>The first reason is that the camps are profitable.</p>
<h2>What could change</h2>
<p>Pressure from the neighbours.</p>`,
  more: '<a class="download-pdf" href="files/camps-persist.pdf">Download PDF</a>',
})}
${entry({
  title: 'Counting the Disappeared',
  byline: 'Abraham Cooper and Greg Scarlatoiu',
  date: 'Mar 3, 2015',
  summary: 'Families still wait for word of the abducted.',
  more: '<a class="continue-reading" href="https://news.example.net/counting">Please click here to continue reading.</a>',
})}
</section>
<section id="publications">
${entry({
  title: 'Hidden Gulag Update',
  byline: 'David Hawk with Amanda Mortwedt Oh',
  date: 'Dec 1, 2014',
  summary: 'What the new satellite images show.',
  more: '<p class="actions"><a class="read-summary" href="summaries/hidden-gulag.html">Read Summary</a></p>',
})}
</section>
<nav><a rel="next" href="page-2.html">Next</a></nav>`,
    ),
  );
  write(
    'page-2.html',
    page(
      'en',
      `<section id="articles">
${entry({
  title: 'A Letter to the Special Rapporteur',
  byline: 'Carl Gershman',
  date: 'Sept 9, 2013',
  summary: 'On the mandate and its limits.',
  text: '<p>Dear Rapporteur,</p><p>The mandate must be renewed.</p>',
})}
  <article class="entry">
    <h3 class="entry-title">A Note Without a Date</h3>
    <p class="entry-byline">Carl Gershman</p>
    <div class="entry-summary">Printed with no date at all.</div>
    <div class="entry-text"><p>Kept, as a draft for an editor to date.</p></div>
  </article>
</section>
<section id="publications"></section>`,
    ),
  );
  write(
    'summaries/hidden-gulag.html',
    page(
      'en',
      `<div class="article-summary">The longer summary of the update.</div>
<div class="article-body"><p>Camp 15 has grown by a third.</p>
<p>A second perimeter fence was built in 2013.</p></div>
<p><a class="download-pdf" href="../files/hidden-gulag.pdf">Download PDF</a></p>
<p class="share">Share</p>`,
    ),
  );
  write('files/camps-persist.pdf', await pdf('Why the Camps Persist', 'Roberta Cohen'));
  write('files/hidden-gulag.pdf', await pdf('Hidden Gulag Update', 'David Hawk'));
  return {
    dir,
    profile: 'profiles/seed-listing.json',
    skipped: [],
    truth: [
      {
        section: 'articles',
        title: 'Why the Camps Persist',
        publishedAt: '2016-07-25T00:00:00.000Z',
        status: 'published',
        language: 'en',
        type: 'article',
        authors: [{ name: 'Roberta Cohen', credit: 'primary', affiliation: 'HRNK Co-Chair' }],
        summary: 'Four reasons the political prison camps outlast every reform.',
        bodyHas: ['The first reason is that the camps are profitable.', '## What could change'],
        bodyLacks: ['p.p1', 'span.s1', 'font-kerning', 'views expressed'],
        files: [['camps-persist.pdf', 'main-pdf']],
        externalUrl: null,
        attention: null,
      },
      {
        section: 'articles',
        title: 'Counting the Disappeared',
        publishedAt: '2015-03-03T00:00:00.000Z',
        status: 'published',
        language: 'en',
        type: 'article',
        authors: [
          { name: 'Abraham Cooper', credit: 'primary', affiliation: null },
          { name: 'Greg Scarlatoiu', credit: 'primary', affiliation: null },
        ],
        bodyHas: [],
        bodyLacks: ['views expressed'],
        files: [],
        externalUrl: 'https://news.example.net/counting',
        attention: null,
      },
      {
        section: 'reports',
        title: 'Hidden Gulag Update',
        publishedAt: '2014-12-01T00:00:00.000Z',
        status: 'published',
        language: 'en',
        type: 'report',
        authors: [
          { name: 'David Hawk', credit: 'primary', affiliation: null },
          { name: 'Amanda Mortwedt Oh', credit: 'secondary', affiliation: null },
        ],
        summary: 'What the new satellite images show.',
        bodyHas: ['Camp 15 has grown by a third.', 'A second perimeter fence'],
        bodyLacks: ['Share'],
        files: [['hidden-gulag.pdf', 'main-pdf']],
        attention: null,
      },
      {
        section: 'articles',
        title: 'A Letter to the Special Rapporteur',
        publishedAt: '2013-09-09T00:00:00.000Z',
        status: 'published',
        language: 'en',
        type: 'article',
        authors: [{ name: 'Carl Gershman', credit: 'primary', affiliation: null }],
        bodyHas: ['The mandate must be renewed.'],
        bodyLacks: [],
        files: [],
        attention: null,
      },
      {
        section: 'articles',
        title: 'A Note Without a Date',
        slug: 'a-note-without-a-date',
        publishedAt: null,
        status: 'draft',
        language: 'en',
        type: 'article',
        authors: [{ name: 'Carl Gershman', credit: 'primary', affiliation: null }],
        bodyHas: ['Kept, as a draft for an editor to date.'],
        bodyLacks: [],
        files: [],
        attention: /^The source gives no date; imported as a draft\.$/,
      },
    ],
  };
}

// ————————————————————————————————————————————————————————————————————————————————
// 2. Cards and detail pages: three listing pages (page/2/index.html…), every field on the
//    detail page, labels mapped to types, dates in many forms, two Korean entries.
// ————————————————————————————————————————————————————————————————————————————————

export const CARD_PROFILE = {
  name: 'policy-desk',
  lists: [
    {
      container: 'main.listing',
      entry: 'article.card',
      section: 'publications',
      sectionTitle: 'Publications',
      type: 'article',
    },
  ],
  detailLink: '.card-title a@href',
  fields: {
    title: [{ detail: 'h1.title' }, { card: '.card-title' }],
    subtitle: { detail: '.subtitle' },
    byline: { detail: '.byline' },
    date: [{ detail: 'time@datetime' }, { card: '.date' }],
    summary: { card: '.teaser' },
    body: { detail: ['.content', '.appendix'] },
    notes: { detail: 'section.notes' },
    pdf: { detail: 'a.pdf@href' },
    link: { detail: 'a.elsewhere@href' },
    topics: { detail: '.tags a' },
    type: {
      select: { card: '.label' },
      map: { Report: 'report', Commentary: 'op-ed', Interview: 'interview' },
    },
  },
  drop: ['nav', '.share'],
  next: 'nav.pager a.next@href',
};

interface Card {
  slug: string;
  label: string;
  title: string;
  teaser: string;
  cardDate?: string;
  lang?: string;
  detail?: string;
}

const KO_FOOD =
  '북한 북부 지역의 쌀과 옥수수 가격은 지난 일 년 동안 두 배 가까이 올랐다. 시장 상인들은 국경 봉쇄 이후 물량이 크게 줄었다고 말한다. 주민들은 하루 두 끼로 버티고 있다.';
const KO_TRADE =
  '국경 무역은 봉쇄 이후 거의 멈추었다. 밀수 단속이 강화되면서 상인들의 생계가 위협받고 있으며, 지방 시장의 활기도 사라졌다. 당국은 이를 방역 조치라고 설명한다.';

export async function cardAndDetailSite(): Promise<GeneratedSite> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-cards-'));
  const write = writer(dir);
  const cards: Card[][] = [
    [
      {
        slug: 'food-prices',
        label: 'Report',
        title: 'Food Prices (card title)',
        teaser: 'Rice and maize prices in the northern provinces.',
        cardDate: '12 March 2021',
      },
      {
        slug: 'border-trade',
        label: 'Commentary',
        title: 'Border Trade After the Closure',
        teaser: 'What the closure did to the markets.',
        cardDate: 'October 2020',
      },
      {
        slug: 'detention-notes',
        label: 'Report',
        title: 'Notes on the Detention System',
        teaser: 'An overview for newcomers.',
        cardDate: '2019',
      },
    ],
    [
      {
        slug: 'working-paper',
        label: 'Working paper',
        title: 'An Undated Working Paper',
        teaser: 'A draft circulated for comment.',
      },
      {
        slug: 'food-prices-ko',
        label: 'Report',
        title: '북한 식량 가격 동향',
        teaser: '북부 지역의 쌀값.',
        cardDate: '2021년 3월 12일',
        lang: 'ko',
      },
      {
        slug: 'lost-page',
        label: 'Report',
        title: 'The Page That Was Never Saved',
        teaser: 'Its detail page is missing from the folder.',
        cardDate: 'Jan 5, 2021',
      },
    ],
    [
      {
        slug: 'camp-16',
        label: 'Report',
        title: 'Satellite Imagery of Camp 16',
        teaser: 'New construction at the camp.',
        cardDate: 'Jul 25, 2016',
      },
      {
        slug: 'border-trade-ko',
        label: 'Interview',
        title: '국경 무역 인터뷰',
        teaser: '상인과의 대화.',
        cardDate: '2020.10.05',
      },
    ],
  ];
  const listing = (n: number) => {
    // Links are written relative to the page that holds them, as a site generator writes them.
    const up = n === 1 ? '' : '../../';
    const next = n === 1 ? 'page/2/' : n === 2 ? '../3/' : null;
    return page(
      'en',
      `<nav class="site-nav"><a href="${up}">Home</a> <a href="${up}about/">About</a></nav>
<main class="listing">
${(cards[n - 1] ?? [])
  .map(
    (c) => `<article class="card"${c.lang ? ` lang="${c.lang}"` : ''}>
  <span class="label">${c.label}</span>
  <h2 class="card-title"><a href="${up}publications/${c.slug}/">${c.title}</a></h2>
  <p class="teaser">${c.teaser}</p>
  ${c.cardDate ? `<span class="date">${c.cardDate}</span>` : ''}
</article>`,
  )
  .join('\n')}
</main>
<nav class="pager">${n > 1 ? '<a class="prev" href="../../">Newer</a>' : ''}${next ? `<a class="next" href="${next}">Older</a>` : ''}</nav>`,
    );
  };
  write('index.html', listing(1));
  write('page/2/index.html', listing(2));
  write('page/3/index.html', listing(3));

  const detail = (d: {
    title: string;
    subtitle?: string;
    byline?: string;
    time?: string;
    content: string;
    appendix?: string;
    notes?: string;
    tags?: string[];
    extra?: string;
    lang?: string;
  }) =>
    page(
      'en',
      `<nav class="site-nav"><a href="../../">Home</a></nav>
<article>
<h1 class="title">${d.title}</h1>
${d.subtitle ? `<p class="subtitle">${d.subtitle}</p>` : ''}
${d.byline ? `<p class="byline">${d.byline}</p>` : ''}
${d.time ? `<time datetime="${d.time}">${d.time}</time>` : ''}
<div class="content"${d.lang ? ` lang="${d.lang}"` : ''}>${d.content}</div>
${d.appendix ? `<div class="appendix">${d.appendix}</div>` : ''}
${d.notes ? `<section class="notes"><h2>Notes</h2>${d.notes}</section>` : ''}
${d.tags ? `<ul class="tags">${d.tags.map((t) => `<li><a href="../../tags/">${t}</a></li>`).join('')}</ul>` : ''}
${d.extra ?? ''}
<div class="share">Share this on every network</div>
</article>`,
    );

  write(
    'publications/food-prices/index.html',
    detail({
      title: 'Food Prices in the Northern Provinces',
      subtitle: 'A year of market data',
      byline: 'By Jane Doe and Sam Lee',
      time: '2021-03-12T09:00:00+09:00',
      content: `<style>.content p { color: red }</style><script>track()</script>
<p>Prices of rice nearly doubled in a year.<sup><a href="#fn1" id="ref1">1</a></sup></p>
<p><img src="chart.png" alt="Rice prices, 2020–2021"></p>`,
      appendix: '<p>Appendix: the markets surveyed.</p>',
      notes: '<ol><li id="fn1">Market survey of March 2021. <a href="#ref1">↩</a></li></ol>',
      tags: ['Food security', 'Markets'],
      extra: '<p><a class="pdf" href="../../files/food-prices.pdf">Download the report</a></p>',
    }),
  );
  write('publications/food-prices/chart.png', PNG);
  write('files/food-prices.pdf', await pdf('Food Prices', 'Rice nearly doubled.'));
  write(
    'publications/border-trade/index.html',
    detail({
      title: 'Border Trade After the Closure',
      byline: 'Sam Lee',
      content: '<p>The markets emptied in a month.</p>',
      extra:
        '<p><a class="elsewhere" href="https://journal.example.net/border-trade">First published in the Journal</a></p>',
    }),
  );
  write(
    'publications/detention-notes/index.html',
    detail({
      title: 'Notes on the Detention System',
      byline: 'Jane Doe',
      content: '<p>There are four kinds of facility.</p>',
    }),
  );
  write(
    'publications/working-paper/index.html',
    detail({
      title: 'An Undated Working Paper',
      byline: 'Alex Kim',
      content: '<p>Comments are welcome.</p>',
    }),
  );
  write(
    'publications/food-prices-ko/index.html',
    detail({ title: '북한 식량 가격 동향', content: `<p>${KO_FOOD}</p>` }),
  );
  write(
    'publications/camp-16/index.html',
    detail({
      title: 'Satellite Imagery of Camp 16',
      byline: 'Jane Doe with Alex Kim',
      content: '<p>Three new buildings since 2014.</p>',
      extra:
        '<p><a class="pdf" href="camp-16.pdf">Report</a> <a class="pdf" href="annex.pdf">Annex</a></p>',
    }),
  );
  write('publications/camp-16/camp-16.pdf', await pdf('Camp 16', 'Three new buildings.'));
  write('publications/camp-16/annex.pdf', await pdf('Camp 16 annex', 'Coordinates.'));
  write(
    'publications/border-trade-ko/index.html',
    detail({ title: '국경 무역 인터뷰', content: `<p>${KO_TRADE}</p>`, lang: 'ko' }),
  );

  const entry = (t: Partial<TruthEntry> & Pick<TruthEntry, 'title'>): TruthEntry => ({
    section: 'publications',
    publishedAt: null,
    status: 'published',
    language: 'en',
    type: 'report',
    bodyHas: [],
    bodyLacks: ['Share this', 'Home'],
    files: [],
    attention: null,
    ...t,
  });
  return {
    dir,
    profile: CARD_PROFILE,
    skipped: [
      { title: 'The Page That Was Never Saved', reason: /detail page publications\/lost-page/ },
    ],
    truth: [
      entry({
        title: 'Food Prices in the Northern Provinces',
        slug: 'food-prices-in-the-northern-provinces',
        subtitle: 'A year of market data',
        publishedAt: '2021-03-12T00:00:00.000Z',
        authors: [
          { name: 'Jane Doe', credit: 'primary', affiliation: null },
          { name: 'Sam Lee', credit: 'primary', affiliation: null },
        ],
        summary: 'Rice and maize prices in the northern provinces.',
        bodyHas: [
          'Prices of rice nearly doubled in a year.',
          'Appendix: the markets surveyed.',
          '](/publications/food-prices-in-the-northern-provinces/chart.png)',
        ],
        bodyLacks: ['color: red', 'track()', 'Share this', 'Home'],
        files: [
          ['food-prices.pdf', 'main-pdf'],
          ['chart.png', 'image'],
        ],
        topics: ['Food security', 'Markets'],
        attention: null,
      }),
      entry({
        title: 'Border Trade After the Closure',
        publishedAt: '2020-10-01T00:00:00.000Z',
        type: 'op-ed',
        authors: [{ name: 'Sam Lee', credit: 'primary', affiliation: null }],
        bodyHas: ['The markets emptied in a month.'],
        externalUrl: 'https://journal.example.net/border-trade',
        precision: 'month',
        attention: null,
      }),
      entry({
        title: 'Notes on the Detention System',
        publishedAt: '2019-01-01T00:00:00.000Z',
        bodyHas: ['There are four kinds of facility.'],
        precision: 'year',
        attention: null,
      }),
      entry({
        title: 'An Undated Working Paper',
        status: 'draft',
        type: 'article',
        bodyHas: ['Comments are welcome.'],
        attention: /no date.*draft.*Working paper/s,
      }),
      entry({
        title: '북한 식량 가격 동향',
        slug: 'food-prices-ko',
        publishedAt: '2021-03-12T00:00:00.000Z',
        language: 'ko',
        bodyHas: ['쌀과 옥수수 가격'],
      }),
      entry({
        title: 'Satellite Imagery of Camp 16',
        publishedAt: '2016-07-25T00:00:00.000Z',
        authors: [
          { name: 'Jane Doe', credit: 'primary', affiliation: null },
          { name: 'Alex Kim', credit: 'secondary', affiliation: null },
        ],
        bodyHas: ['Three new buildings since 2014.'],
        files: [
          ['camp-16.pdf', 'main-pdf'],
          ['annex.pdf', 'supplement'],
        ],
      }),
      entry({
        title: '국경 무역 인터뷰',
        slug: 'border-trade-ko',
        publishedAt: '2020-10-05T00:00:00.000Z',
        language: 'ko',
        type: 'interview',
        bodyHas: ['국경 무역은 봉쇄 이후'],
      }),
    ],
  };
}

// ————————————————————————————————————————————————————————————————————————————————
// 3. A WordPress theme saved with wget: absolute links to the site, `<time datetime>`, the
//    canonical link as the key, uploads under wp-content, categories as types.
// ————————————————————————————————————————————————————————————————————————————————

const WP = 'https://think.example.org/';

export const WORDPRESS_PROFILE = {
  name: 'think-wp',
  siteUrl: WP,
  lists: [
    {
      container: '#main',
      entry: 'article.post',
      section: 'analysis',
      sectionTitle: 'Analysis',
    },
  ],
  detailLink: '.entry-title a@href',
  fields: {
    title: [{ detail: 'h1.entry-title' }, { card: '.entry-title' }],
    byline: [{ detail: '.entry-meta .byline' }, { card: '.byline' }],
    date: [{ detail: 'time.entry-date.published@datetime' }, { card: 'time@datetime' }],
    summary: { card: '.entry-summary' },
    body: { detail: '.entry-content' },
    pdf: { detail: ".entry-content a[href$='.pdf']@href" },
    topics: { detail: '.tags-links a' },
    type: {
      select: { card: '.cat-links a' },
      map: { Analysis: 'article', Reports: 'report', Interviews: 'interview' },
    },
    key: { detail: 'link[rel=canonical]@href' },
  },
  drop: ['.sharedaddy', '#comments', 'nav.post-navigation', '#secondary'],
  next: 'a.next.page-numbers@href',
};

interface Post {
  path: string;
  title: string;
  datetime: string;
  printed: string;
  author: string;
  category: string;
  excerpt: string;
  content: string;
  tags: string[];
}

export async function wordpressLikeSite(): Promise<GeneratedSite> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-wp-'));
  const write = writer(dir);
  const posts: Post[][] = [
    [
      {
        path: '2019/05/the-long-winter/',
        title: 'The Long Winter',
        datetime: '2019-05-02T09:00:00+00:00',
        printed: 'May 2, 2019',
        author: 'Jane Doe',
        category: 'Analysis',
        excerpt: 'Energy shortages and what they mean.',
        content: `<p>The winter was the coldest in a decade.</p>
<figure class="wp-block-image"><img src="${WP}wp-content/uploads/2019/05/map.png" alt="Map of the provinces" class="wp-image-14"></figure>
<p><a href="${WP}wp-content/uploads/2019/05/long-winter.pdf">Download the report (PDF)</a></p>
<p><a href="${WP}wp-content/uploads/2019/05/map.png"><img src="${WP}wp-content/uploads/2019/05/map.png" alt="The map, large"></a> See also <a href="../../../2018/11/a-conversation/">our interview</a>.</p>
<div class="sharedaddy">Share: Twitter, Facebook</div>
<script>var _paq = [];</script>`,
        tags: ['Energy', 'Winter'],
      },
      {
        path: '2018/11/a-conversation/',
        title: 'A Conversation with a Former Official',
        datetime: '2018-11-20T14:30:00+09:00',
        printed: 'November 20, 2018',
        author: 'Sam Lee',
        category: 'Interviews',
        excerpt: 'On the ministry, and leaving it.',
        content:
          '<p><strong>Q:</strong> When did you leave?</p><p><strong>A:</strong> In 2015.</p>',
        tags: [],
      },
    ],
    [
      {
        path: '2017/12/annual-review-2017/',
        title: 'Annual Review 2017',
        datetime: '2017-12-31T23:00:00+09:00',
        printed: 'December 31, 2017',
        author: 'Jane Doe',
        category: 'Reports',
        excerpt: 'The year in review.',
        content: '<p>Twelve months, four reports, one conference.</p>',
        tags: ['Annual review'],
      },
    ],
  ];
  const card = (
    p: Post,
  ) => `<article id="post-${p.path.length}" class="post type-post status-publish">
  <header class="entry-header">
    <h2 class="entry-title"><a href="${WP}${p.path}" rel="bookmark">${p.title}</a></h2>
    <div class="entry-meta"><span class="posted-on"><a href="${WP}${p.path}"><time class="entry-date published" datetime="${p.datetime}">${p.printed}</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="${WP}author/x/">${p.author}</a></span></span></div>
  </header>
  <div class="entry-summary"><p>${p.excerpt}</p></div>
  <footer class="entry-footer"><span class="cat-links"><a href="${WP}category/x/" rel="category tag">${p.category}</a></span></footer>
</article>`;
  const shell = (title: string, main: string, head = '') =>
    page(
      'en-US',
      `<div id="page" class="site"><header id="masthead"><p class="site-title"><a href="${WP}">Think</a></p></header>
<div id="primary" class="content-area"><main id="main" class="site-main">
${main}
</main></div>
<aside id="secondary"><section class="widget"><h2>Recent posts</h2><ul><li>${title}</li></ul></section></aside>
</div>`,
      head,
    );
  write(
    'index.html',
    shell(
      'Think',
      `${(posts[0] ?? []).map(card).join('\n')}
<nav class="navigation pagination"><div class="nav-links"><span class="page-numbers current">1</span><a class="page-numbers" href="${WP}page/2/">2</a><a class="next page-numbers" href="${WP}page/2/">Next</a></div></nav>`,
    ),
  );
  write(
    'page/2/index.html',
    shell(
      'Think',
      `${(posts[1] ?? []).map(card).join('\n')}
<nav class="navigation pagination"><div class="nav-links"><a class="prev page-numbers" href="${WP}">Previous</a></div></nav>`,
    ),
  );
  for (const p of posts.flat()) {
    write(
      `${p.path}index.html`,
      shell(
        p.title,
        `<article class="post type-post">
<header class="entry-header"><h1 class="entry-title">${p.title}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="${p.datetime}">${p.printed}</time><time class="updated" datetime="2024-01-01T00:00:00+00:00">January 1, 2024</time></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="${WP}author/x/">${p.author}</a></span></span></div></header>
<div class="entry-content">${p.content}</div>
<footer class="entry-footer">${p.tags.length > 0 ? `<span class="tags-links">${p.tags.map((t) => `<a href="${WP}tag/x/" rel="tag">${t}</a>`).join(', ')}</span>` : ''}</footer>
</article>
<nav class="navigation post-navigation"><a href="${WP}">Previous post</a></nav>
<div id="comments"><h2>One comment</h2><p>Great post!</p></div>`,
        `<link rel="canonical" href="${WP}${p.path}">`,
      ),
    );
  }
  write('wp-content/uploads/2019/05/map.png', PNG);
  write('wp-content/uploads/2019/05/long-winter.pdf', await pdf('The Long Winter', 'Energy.'));
  const entry = (t: Partial<TruthEntry> & Pick<TruthEntry, 'title'>): TruthEntry => ({
    section: 'analysis',
    publishedAt: null,
    status: 'published',
    language: 'en',
    type: 'article',
    bodyHas: [],
    bodyLacks: ['Great post', 'Recent posts', 'Previous post', 'Share:', '_paq', 'site:'],
    files: [],
    attention: null,
    ...t,
  });
  return {
    dir,
    profile: WORDPRESS_PROFILE,
    skipped: [],
    truth: [
      entry({
        title: 'The Long Winter',
        slug: 'the-long-winter',
        publishedAt: '2019-05-02T00:00:00.000Z',
        authors: [{ name: 'Jane Doe', credit: 'primary', affiliation: null }],
        summary: 'Energy shortages and what they mean.',
        bodyHas: [
          'The winter was the coldest in a decade.',
          '![Map of the provinces](/analysis/the-long-winter/map.png)',
          '[Download the report (PDF)](/analysis/the-long-winter/long-winter.pdf)',
          '[![The map, large](/analysis/the-long-winter/map.png)](/analysis/the-long-winter/map.png)',
          '[our interview](https://think.example.org/2018/11/a-conversation/)',
        ],
        files: [
          ['long-winter.pdf', 'main-pdf'],
          ['map.png', 'image'],
        ],
        topics: ['Energy', 'Winter'],
      }),
      entry({
        title: 'A Conversation with a Former Official',
        publishedAt: '2018-11-20T00:00:00.000Z',
        type: 'interview',
        authors: [{ name: 'Sam Lee', credit: 'primary', affiliation: null }],
        bodyHas: ['**Q:** When did you leave?'],
        topics: [],
      }),
      entry({
        title: 'Annual Review 2017',
        // The day as the site printed it, in its own zone: not moved to UTC's day before.
        publishedAt: '2017-12-31T00:00:00.000Z',
        type: 'report',
        authors: [{ name: 'Jane Doe', credit: 'primary', affiliation: null }],
        bodyHas: ['Twelve months, four reports, one conference.'],
        topics: ['Annual review'],
      }),
    ],
  };
}

// ————————————————————————————————————————————————————————————————————————————————
// 4. A Korean-language site: `<html lang="ko">` on every page, Korean dates, one English entry
//    whose language only its text tells.
// ————————————————————————————————————————————————————————————————————————————————

export const KOREAN_PROFILE = {
  name: 'hanbando',
  lists: [
    {
      container: '.board',
      entry: 'li.item',
      section: 'reports',
      sectionTitle: '보고서',
      type: 'report',
    },
  ],
  detailLink: 'a@href',
  fields: {
    title: [{ detail: 'h1' }, { card: 'a' }],
    date: [{ detail: '.meta .date' }, { card: '.date' }],
    summary: { card: '.excerpt' },
    body: { detail: '#content' },
    pdf: { detail: '.attach a@href' },
  },
  drop: ['.banner'],
};

const KO_REPORT =
  '올해 보고서는 강제 송환된 여성 스물세 명의 증언을 담았다. 증언자들은 구금 시설에서의 폭행과 강제 노동을 공통적으로 진술하였다. 보고서는 국제 사회의 감시를 촉구한다.';
const KO_REPATRIATION =
  '중국에서 강제 송환된 탈북민들은 보위부 조사를 거쳐 노동단련대나 교화소로 보내진다. 조사 과정에서의 가혹 행위에 대한 증언이 계속되고 있다. 가족과의 연락도 끊긴다.';
const KO_INTERVIEWS =
  '이 자료집은 이천이십년 가을에 진행한 탈북민 인터뷰 열두 편을 모았다. 인터뷰는 모두 익명으로 진행되었으며 증언자의 동의를 받아 공개한다. 일부 내용은 신변 보호를 위해 삭제하였다.';

export async function koreanSite(): Promise<GeneratedSite> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-ko-'));
  const write = writer(dir);
  const items = [
    {
      file: 'reports/women-2021.html',
      title: '2021 북한 여성 인권 보고서',
      date: '2021년 3월 12일',
    },
    { file: 'reports/repatriation.html', title: '강제송환 실태', date: '2020.10.05' },
    { file: 'reports/interviews.html', title: '탈북민 인터뷰 모음', date: '2020년 10월' },
    { file: 'reports/returnees-survey.html', title: 'Survey of Returnees', date: '2019. 6. 3.' },
  ];
  write(
    'index.html',
    page(
      'ko',
      `<div class="banner">후원하기</div>
<ul class="board">
${items.map((i) => `<li class="item"><a href="${i.file}">${i.title}</a> <span class="date">${i.date}</span> <p class="excerpt">${i.title} 요약</p></li>`).join('\n')}
</ul>`,
    ),
  );
  const bodies = [
    KO_REPORT,
    KO_REPATRIATION,
    KO_INTERVIEWS,
    'We surveyed two hundred returnees in 2019 about their time in detention and their treatment on return. Most of them had been held for more than a month.',
  ];
  items.forEach((item, n) => {
    write(
      item.file,
      page(
        'ko',
        `<div class="banner">후원하기</div><h1>${item.title}</h1><p class="meta"><span class="date">${item.date}</span></p>
<div id="content"><p>${bodies[n]}</p></div>
${n === 0 ? '<p class="attach"><a href="../files/women-2021.pdf">보고서 내려받기</a></p>' : ''}`,
      ),
    );
  });
  write('files/women-2021.pdf', await pdf('2021 report', 'Report text'));
  const entry = (t: Partial<TruthEntry> & Pick<TruthEntry, 'title'>): TruthEntry => ({
    section: 'reports',
    publishedAt: null,
    status: 'published',
    language: 'ko',
    type: 'report',
    bodyHas: [],
    bodyLacks: ['후원하기'],
    files: [],
    attention: null,
    ...t,
  });
  return {
    dir,
    profile: KOREAN_PROFILE,
    skipped: [],
    truth: [
      entry({
        title: '2021 북한 여성 인권 보고서',
        slug: 'women-2021',
        publishedAt: '2021-03-12T00:00:00.000Z',
        summary: '2021 북한 여성 인권 보고서 요약',
        bodyHas: ['강제 송환된 여성'],
        files: [['women-2021.pdf', 'main-pdf']],
      }),
      entry({
        title: '강제송환 실태',
        slug: 'repatriation',
        publishedAt: '2020-10-05T00:00:00.000Z',
        bodyHas: ['보위부 조사'],
      }),
      entry({
        title: '탈북민 인터뷰 모음',
        slug: 'interviews',
        publishedAt: '2020-10-01T00:00:00.000Z',
        bodyHas: ['인터뷰 열두 편'],
        precision: 'month',
        attention: null,
      }),
      entry({
        title: 'Survey of Returnees',
        slug: 'survey-of-returnees',
        publishedAt: '2019-06-03T00:00:00.000Z',
        language: 'en',
        bodyHas: ['We surveyed two hundred returnees'],
      }),
    ],
  };
}
