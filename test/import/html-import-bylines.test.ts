import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { cliActor } from '../../src/core/actor.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { renderMarkdown } from '../../src/core/markdown/markdown.ts';
import { parseHtmlProfile } from '../../src/features/import/html-profile.ts';
import { importHtmlSite } from '../../src/features/import/import-html.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';

/**
 * A small think tank's publications, made up for this test: cards linking detail pages, bylines
 * with roles, "research by" and Korean bylines, footnotes as anchors to a notes list, as Word
 * left them, and as bare superscripts with an "Endnotes" section.
 */
const ENTRIES = [
  {
    page: 'rivers.html',
    title: 'Rivers of the North',
    date: '2021-03-12',
    byline: 'By Jane Doe, Visiting Scholar, with research by John Roe',
    body: '<p>Flooding rose.<sup><a href="#fn1" id="r1">1</a></sup> Fields were lost.<sup><a href="#fn12" id="r12">12</a></sup></p>',
    notes:
      '<h2>Notes</h2><ol><li id="fn1">Satellite images, <em>2020</em>. <a href="#r1">↩</a></li><li id="fn12">Interviews in Seoul. <a href="#r12">↩</a></li></ol>',
  },
  {
    page: 'camps.html',
    title: '정치범수용소 보고서',
    date: '2021-04-01',
    byline: '글: 홍길동(선임연구원)·김철수(연구위원)',
    body: '<p>수용소는 확대되었다.<sup>1</sup></p><h3>주</h3><ol><li>위성 사진 분석.</li></ol>',
    notes: '',
  },
  {
    page: 'markets.html',
    title: '북한 시장 연구',
    date: '2021-05-20',
    byline: '글: 이영희 · 번역: Kim Jong-un',
    body: `<p class=MsoNormal>Markets grew.<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference><![if !supportFootnotes]>[1]<![endif]></span></a></p><div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1"><span class=MsoFootnoteReference><![if !supportFootnotes]>[1]<![endif]></span></a> Price survey, 2019.</p></div></div>`,
    notes: '',
  },
];

const PROFILE = parseHtmlProfile({
  name: 'think-tank',
  lists: [
    {
      container: 'main',
      entry: 'article.card',
      section: 'publications',
      sectionTitle: 'Publications',
      type: 'report',
    },
  ],
  detailLink: 'h2 a@href',
  fields: {
    title: { card: 'h2' },
    date: { card: 'time@datetime' },
    byline: { detail: '.byline' },
    body: { detail: '.text' },
    notes: { detail: '.notes' },
  },
});

function writeSite(): string {
  const site = mkdtempSync(join(tmpdir(), 'dossier-bylines-'));
  mkdirSync(join(site, 'pubs'));
  const cards = ENTRIES.map(
    (e) =>
      `<article class="card"><h2><a href="pubs/${e.page}">${e.title}</a></h2><time datetime="${e.date}">${e.date}</time></article>`,
  ).join('\n');
  writeFileSync(join(site, 'index.html'), `<html><body><main>${cards}</main></body></html>`);
  for (const e of ENTRIES) {
    writeFileSync(
      join(site, 'pubs', e.page),
      `<html><body><h1>${e.title}</h1><p class="byline">${e.byline}</p><div class="text">${e.body}</div><div class="notes">${e.notes}</div></body></html>`,
    );
  }
  return site;
}

describeEachDatabase('bylines and footnotes of an imported hand-made site', (db) => {
  let ctx: WiredContext;
  const pieces = new Map<string, PublicationRecord>();

  const contributors = async (title: string) => {
    const p = pieces.get(title);
    const people = await ctx.repos.people.findByIds(p?.contributions.map((c) => c.personId) ?? []);
    return (p?.contributions ?? []).map((c) => {
      const person = people.find((x) => x.id === c.personId);
      return {
        name: person?.name,
        slug: person?.slug,
        sortName: person?.sortName,
        role: c.role,
        credit: c.credit,
        label: c.affiliationLabel,
      };
    });
  };
  const notesOf = (title: string) => {
    const $ = cheerio.load(renderMarkdown(pieces.get(title)?.body ?? ''));
    return {
      notes: $('li.footnote-item')
        .toArray()
        .map((li) => $(li).clone().find('a.footnote-backref').remove().end().text().trim()),
      references: $('sup.footnote-ref a')
        .toArray()
        .map((a) => $(a).attr('href')),
    };
  };

  beforeAll(async () => {
    ctx = await testContext(db());
    await importHtmlSite(ctx, {
      path: writeSite(),
      profile: PROFILE,
      dryRun: false,
      actor: cliActor(),
    });
    const section = await ctx.repos.sections.findBySlug('publications');
    const rows = await ctx.db.kysely
      .selectFrom('publications')
      .select('id')
      .where('sectionId', '=', section?.id ?? 0)
      .execute();
    for (const r of rows) {
      const p = await ctx.repos.publications.findById(r.id);
      if (p) pieces.set(p.title, p);
    }
  });

  it('reads a role after a comma as the person’s role, and "research by" as a task', async () => {
    expect(await contributors('Rivers of the North')).toEqual([
      {
        name: 'Jane Doe',
        slug: 'jane-doe',
        sortName: 'Doe, Jane',
        role: 'author',
        credit: 'primary',
        label: 'Visiting Scholar',
      },
      {
        name: 'John Roe',
        slug: 'john-roe',
        sortName: 'Roe, John',
        role: 'author',
        credit: 'secondary',
        label: 'research',
      },
    ]);
  });

  it('reads a Korean byline as two people with their titles and their own addresses', async () => {
    expect(await contributors('정치범수용소 보고서')).toEqual([
      {
        name: '홍길동',
        slug: 'hong-gildong',
        sortName: '홍, 길동',
        role: 'author',
        credit: 'primary',
        label: '선임연구원',
      },
      {
        name: '김철수',
        slug: 'kim-cheolsu',
        sortName: '김, 철수',
        role: 'author',
        credit: 'primary',
        label: '연구위원',
      },
    ]);
  });

  it('credits a Korean translator and sorts a romanized Korean name by its family name', async () => {
    expect(await contributors('북한 시장 연구')).toEqual([
      {
        name: '이영희',
        slug: 'lee-yeonghui',
        sortName: '이, 영희',
        role: 'author',
        credit: 'primary',
        label: null,
      },
      {
        name: 'Kim Jong-un',
        slug: 'kim-jong-un',
        sortName: 'Kim, Jong-un',
        role: 'translator',
        credit: 'secondary',
        label: null,
      },
    ]);
  });

  it('gives Korean-titled pieces addresses of their own, never a shared fallback', () => {
    const slugs = ['정치범수용소 보고서', '북한 시장 연구'].map((t) => pieces.get(t)?.slug ?? '');
    expect(new Set(slugs).size).toBe(2);
    for (const slug of slugs) expect(slug).toMatch(/[a-z]/);
    expect(slugs).not.toContain('item');
  });

  it('turns each shape of footnote into notes with their definitions', () => {
    expect(pieces.get('Rivers of the North')?.body).not.toMatch(/\[\^(11|1212)\]/);
    expect(notesOf('Rivers of the North')).toEqual({
      notes: ['Satellite images, 2020.', 'Interviews in Seoul.'],
      references: ['#fn1', '#fn2'],
    });
    expect(notesOf('정치범수용소 보고서')).toEqual({
      notes: ['위성 사진 분석.'],
      references: ['#fn1'],
    });
    expect(notesOf('북한 시장 연구')).toEqual({
      notes: ['Price survey, 2019.'],
      references: ['#fn1'],
    });
  });
});
