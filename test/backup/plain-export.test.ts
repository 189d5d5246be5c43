import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { ValidationError } from '../../src/core/errors.ts';
import {
  exportPublicationsCsv,
  exportPublicationsMarkdown,
} from '../../src/features/backup/plain-export.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { attachBytes, buildPublication } from '../support/factories.ts';
import { filesUnder } from './archive-helpers.ts';

describeEachDatabase('plain exports of published work', (db) => {
  let ctx: AppContext;
  let publicIds: number[];
  const hidden = ['A draft that must stay inside', 'An embargoed report', 'A trashed note'];
  let formulaId: number;
  let pdf: Buffer;
  const exportDeps = () => ({
    repos: ctx.repos,
    files: ctx.files,
    publicUrl: 'https://archive.example.org',
  });

  beforeAll(async () => {
    ctx = await demoContext(db());
    await buildPublication(ctx, { status: 'draft', title: hidden[0] });
    await buildPublication(ctx, {
      title: hidden[1],
      embargoUntil: '2027-01-01T00:00:00.000Z',
    });
    const trashed = await buildPublication(ctx, { title: hidden[2] });
    await db()
      .db.kysely.updateTable('publications')
      .set({ deletedAt: '2026-05-01T00:00:00.000Z' })
      .where('id', '=', trashed.id)
      .execute();
    const formula = await buildPublication(ctx, {
      title: '=HYPERLINK("http://evil.example/")',
      body: 'A body with a footnote.[^1]\n\n[^1]: The note.',
    });
    formulaId = formula.id;
    pdf = await writeTextPdf({ title: 'Public annex', pages: ['Public annex text.'] });
    await attachBytes(ctx, pdf, {
      publicationId: formula.id,
      fileName: 'Annex: the "list".pdf',
      role: 'main-pdf',
    });
    const now = ctx.clock.now();
    const all = await ctx.repos.catalog.list(
      { includePages: true },
      { limit: 10_000, offset: 0 },
      now,
    );
    publicIds = all.items.map((p) => p.id).sort((a, b) => a - b);
  }, 60_000);

  it('writes every public publication and nothing else as formula-safe CSV', async () => {
    const path = join(db().dir, 'publications.csv');
    const count = await exportPublicationsCsv(exportDeps(), path, ctx.clock.now());
    const text = readFileSync(path, 'utf8');
    const rows: Array<Record<string, string>> = parse(text, { columns: true });
    expect(count).toBe(publicIds.length);
    expect(rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(publicIds);
    for (const title of hidden) expect(text).not.toContain(title);
    const formula = rows.find((r) => Number(r.id) === formulaId)!;
    expect(formula.title).toBe(`'=HYPERLINK("http://evil.example/")`);
    expect(formula.pdf_url).toMatch(/^https:\/\/archive\.example\.org\/.+\.pdf$/);
    expect(rows.some((r) => r.contributors !== '')).toBe(true);
  });

  it('writes every public publication as Markdown with front matter, and its PDFs', async () => {
    const folder = join(db().dir, 'markdown');
    const result = await exportPublicationsMarkdown(exportDeps(), folder, ctx.clock.now());
    expect(result.publications).toBe(publicIds.length);
    const files = filesUnder(folder).map((f) => relative(folder, f));
    const markdown = files.filter((f) => f.endsWith('.md'));
    expect(markdown.length).toBe(publicIds.length);
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBe(result.pdfs);
    expect(result.pdfs).toBeGreaterThan(0);
    for (const f of markdown) {
      const text = readFileSync(join(folder, f), 'utf8');
      expect(text.startsWith('---\ntitle: "')).toBe(true);
      for (const title of hidden) expect(text).not.toContain(title);
    }
    const formulaPiece = markdown
      .map((f) => ({ f, text: readFileSync(join(folder, f), 'utf8') }))
      .find(({ text }) => text.includes('HYPERLINK'))!;
    expect(formulaPiece.text).toContain('title: "=HYPERLINK(\\"http://evil.example/\\")"');
    expect(formulaPiece.text).toContain('[^1]: The note.');
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(formulaPiece.text).toContain(`sha256: "${sha}"`);
    const pdfName = /file: "([^"]+)"/.exec(formulaPiece.text)![1]!;
    expect(pdfName).toMatch(/^[a-z0-9-]+\/annex-the-list\.pdf$/);
    const dir = join(folder, formulaPiece.f.split('/')[0]!);
    expect(readFileSync(join(dir, pdfName)).equals(pdf)).toBe(true);
    expect(readdirSync(dir).some((n) => n.startsWith('.'))).toBe(false);
  });

  it('refuses a folder that already holds files', async () => {
    const folder = join(db().dir, 'occupied');
    mkdirSync(folder);
    writeFileSync(join(folder, 'keep.txt'), 'mine');
    await expect(exportPublicationsMarkdown(exportDeps(), folder, ctx.clock.now())).rejects.toThrow(
      ValidationError,
    );
    expect(existsSync(join(folder, 'keep.txt'))).toBe(true);
  });
});
