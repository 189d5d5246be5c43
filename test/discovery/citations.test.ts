import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { CslItem } from '../../src/features/discovery/citation/csl-json.ts';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp, editPublicationAt } from '../support/demo-context.ts';
import { sharedValidatorsAvailable, toolAvailable, VALIDATORS } from '../support/external.ts';
import { buildPublication } from '../support/factories.ts';
import { getPage, text, texts } from '../support/html.ts';

const canValidateCsl = sharedValidatorsAvailable();
const canRunBiber = toolAvailable('biber', 'biber');
const TRICKY_TITLE = 'Costs {and} 100% of $5 & #7_x ~ a^b \\ in 북한';

describeEachDatabase('citations: the Cite block and BibTeX, RIS and CSL-JSON downloads', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let paths: string[] = [];
  const download = async (path: string) => {
    const res = await app.request(`http://localhost${path}`);
    return { res, body: await res.text() };
  };

  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
    // A report with everything a citation can carry, and every character TeX treats as markup.
    const reports = (await ctx.repos.sections.findBySlug('reports'))!;
    const bermudez = (await ctx.repos.people.findBySlug('joseph-s-bermudez-jr'))!;
    const byun = (await ctx.repos.people.findBySlug('byun-chang-seop'))!;
    await buildPublication(ctx, {
      sectionId: reports.id,
      slug: 'tricky-report',
      type: 'report',
      title: TRICKY_TITLE,
      summary: 'A summary with {braces} and a % sign.',
      reportNumber: 'HRNK-2026/1',
      doi: '10.5555/dossier.2026_1',
      contributions: [
        { personId: bermudez.id, role: 'author', credit: 'primary', affiliationLabel: null },
        { personId: byun.id, role: 'author', credit: 'primary', affiliationLabel: 'Reporter' },
      ],
    });
    const { items } = await ctx.repos.catalog.list({}, { limit: 1000, offset: 0 }, ctx.clock.now());
    const sections = await ctx.repos.sections.list();
    paths = items.map((p) => `/${sections.find((s) => s.id === p.sectionId)!.slug}/${p.slug}/`);
  }, 120_000);

  it('shows Chicago, APA and MLA on the page, with stable links to the three downloads', async () => {
    const { $ } = await getPage(app, '/reports/north-korea-camp-no-25-update-2/');
    expect($('.cite h2').text()).toBe('Cite this');
    expect(texts($, '.cite dt')).toEqual(['Chicago', 'APA', 'MLA']);
    expect(text($, '.cite dd:nth-of-type(1)')).toBe(
      'Bermudez, Joseph S., Jr., Andy Dinville, and Mike Eley. North Korea Camp No. 25 Update 2. Committee for Human Rights in North Korea, 2016. https://archive.example.org/reports/north-korea-camp-no-25-update-2/.',
    );
    expect($('.cite dd').first().find('i').text()).toBe('North Korea Camp No. 25 Update 2');
    expect(text($, '.cite dd:nth-of-type(2)')).toMatch(
      /^Bermudez, J\. S\., Jr\., Dinville, A\., & Eley, M\. \(2016\)\. /,
    );
    expect(text($, '.cite dd:nth-of-type(3)')).toMatch(/^Bermudez, Joseph S\., Jr\., et al\. /);
    expect(
      $('.cite-downloads a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      '/reports/north-korea-camp-no-25-update-2/cite.bib',
      '/reports/north-korea-camp-no-25-update-2/cite.ris',
      '/reports/north-korea-camp-no-25-update-2/cite.json',
    ]);
    const ko = await getPage(app, '/ko/reports/north-korea-camp-no-25-update-2/');
    expect(ko.$('.cite h2').text()).toBe('인용하기');
    expect(ko.$('.cite dd').first().attr('lang')).toBe('en');
  });

  it('serves each download with its media type as an attachment named after the piece', async () => {
    const types = {
      bib: 'application/x-bibtex',
      ris: 'application/x-research-info-systems',
      json: 'application/vnd.citationstyles.csl+json',
    };
    for (const [ext, type] of Object.entries(types)) {
      const { res } = await download(`/reports/the-parallel-gulag/cite.${ext}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="the-parallel-gulag.${ext}"`,
      );
    }
  });

  it('offers no citation for drafts or pages, and 410 for withdrawn work', async () => {
    expect((await download('/reports/north-korea-camp-no-25/cite.bib')).res.status).toBe(404);
    expect((await download('/about/about/cite.ris')).res.status).toBe(404);
    expect((await download('/reports/no-such-piece/cite.json')).res.status).toBe(404);
    const p = await editPublicationAt(ctx, '/articles/must-un-agencies-also-fail-in-north-korea/', {
      status: 'withdrawn',
    });
    expect((await download(`/articles/${p.slug}/cite.bib`)).res.status).toBe(410);
    paths = paths.filter((path) => !path.includes(p.slug));
  });

  describe.skipIf(!canRunBiber)('BibTeX, read back by biber', () => {
    it('parses every public piece with biber --tool --validate-datamodel and no warning', async () => {
      const bibs = await Promise.all(
        paths.map(async (path) => (await download(`${path}cite.bib`)).body),
      );
      const dir = mkdtempSync(join(tmpdir(), 'dossier-biber-'));
      try {
        writeFileSync(join(dir, 'all.bib'), bibs.join('\n'));
        const run = spawnSync(
          'biber',
          ['--tool', '--validate-datamodel', '--output-file', join(dir, 'out.bib'), 'all.bib'],
          {
            cwd: dir,
            encoding: 'utf8',
          },
        );
        const log = `${run.stdout}${run.stderr}`;
        expect(run.status, log).toBe(0);
        expect(
          log.split('\n').filter((l) => /^(WARN|ERROR) - /.test(l)),
          log,
        ).toEqual([]);
        const out = readFileSync(join(dir, 'out.bib'), 'utf8');
        expect(out.match(/^@[A-Z]+\{/gm)).toHaveLength(paths.length);
        // Names come back split as BibTeX reads them, in byline order.
        expect(out).toContain(
          'AUTHOR = {Bermudez, Jr., Joseph S. and Dinville, Andy and Eley, Mike}',
        );
        expect(out).toContain('AUTHOR = {Bermudez, Jr., Joseph S. and Byun, Chang-seop}');
        // URL and DOI are verbatim fields: written as they are, underscores and all.
        expect(out).toMatch(
          /@REPORT\{bermudez2014costs,[^@]*DOI = \{10\.5555\/dossier\.2026_1\}[^@]*NUMBER = \{HRNK-2026\/1\}/,
        );
        expect(out).toMatch(
          /TITLE = \{Costs \\textbraceleft\{\}and\\textbraceright\{\} 100\\% of \\\$5 \\& \\#7\\_x \\textasciitilde\{\} a\\textasciicircum\{\}b \\textbackslash\{\} in 북한\}/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('would report a broken entry', () => {
      const dir = mkdtempSync(join(tmpdir(), 'dossier-biber-'));
      try {
        writeFileSync(
          join(dir, 'bad.bib'),
          '@misc{x,\n  title = {Unbalanced {brace},\n  nonsense = {1},\n}\n',
        );
        const run = spawnSync(
          'biber',
          ['--tool', '--validate-datamodel', '--output-file', join(dir, 'out.bib'), 'bad.bib'],
          { cwd: dir, encoding: 'utf8' },
        );
        expect(`${run.stdout}${run.stderr}`).toMatch(/^(WARN|ERROR) - /m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('reads RIS back (with citation-js) into the same record as the CSL-JSON download', async () => {
    for (const path of paths) {
      const ris = (await download(`${path}cite.ris`)).body;
      expect(ris.endsWith('ER  - \r\n'), path).toBe(true);
      const [csl] = JSON.parse((await download(`${path}cite.json`)).body) as CslItem[];
      const [read] = new Cite(ris).data as Array<Record<string, unknown>>;
      expect(read, path).toBeDefined();
      const same = (field: keyof CslItem) =>
        expect(read![field], `${path} ${field}`).toEqual(csl![field]);
      for (const field of [
        'title',
        'author',
        'issued',
        'URL',
        'DOI',
        'language',
        'abstract',
      ] as const)
        same(field);
      const keywords = (v: unknown) => (typeof v === 'string' ? v.split(/,\s*/) : []);
      expect(keywords(read!.keyword), path).toEqual(keywords(csl!.keyword));
      if (csl!.type === 'report') {
        same('number');
        same('publisher');
        expect(read!.type).toBe('report');
      }
      if (csl!.type === 'article-journal') same('container-title');
      if (csl!.type === 'interview' || csl!.type === 'speech') {
        expect(read!['container-title'], path).toBe(csl!['container-title'] ?? csl!['event-title']);
      }
    }
  });

  describe.skipIf(!canValidateCsl)('CSL-JSON, against the CSL data schema', () => {
    it('validates every download against csl-data.json, and reads back unchanged', async () => {
      const schema = JSON.parse(readFileSync(join(VALIDATORS, 'csl', 'csl-data.json'), 'utf8'));
      const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
      for (const path of paths) {
        const body = (await download(`${path}cite.json`)).body;
        const data = JSON.parse(body);
        expect(validate(data), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
        // citation-js normalizes what it reads; our items must pass through it unchanged.
        const [read] = new Cite(data).data as Array<Record<string, unknown>>;
        expect({ ...read, _graph: undefined }, path).toEqual({ ...data[0], _graph: undefined });
      }
    });

    it('would reject an item the schema does not allow', () => {
      const schema = JSON.parse(readFileSync(join(VALIDATORS, 'csl', 'csl-data.json'), 'utf8'));
      const validate = new Ajv({ allowUnionTypes: true }).compile(schema);
      expect(validate([{ id: 'x', type: 'blog-post', title: 'x' }])).toBe(false);
    });
  });
});
