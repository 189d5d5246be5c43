import PDFDocument from 'pdfkit';
import { fontFileFor, fontRuns } from './noto-font-runs.ts';

export interface TextPdf {
  title: string;
  author?: string;
  language?: string;
  /** One entry per page; paragraphs are separated by blank lines. */
  pages: string[];
  /** Fixed creation date, so that the same input gives the same bytes. */
  createdAt?: Date;
}

/**
 * Writes a plain text PDF in Noto Sans KR, which covers Latin, accented romanizations and Hangul.
 * Used for the demo archive's PDFs and for tests that need real PDFs with known text.
 */
export async function writeTextPdf(input: TextPdf): Promise<Buffer> {
  const created = input.createdAt ?? new Date('2020-01-01T00:00:00Z');
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 56,
    lang: input.language ?? 'en',
    displayTitle: true,
    info: {
      Title: input.title,
      ...(input.author ? { Author: input.author } : {}),
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const registered = new Set<string>();
  const useFont = (subset: string, bold: boolean) => {
    const name = `${subset}-${bold ? 700 : 400}`;
    if (!registered.has(name)) {
      doc.registerFont(name, fontFileFor(subset, bold ? 700 : 400));
      registered.add(name);
    }
    doc.font(name);
  };
  const paragraph = (text: string, size: number, bold = false) => {
    const runs = fontRuns(text);
    doc.fontSize(size);
    runs.forEach((run, i) => {
      useFont(run.subset, bold);
      doc.text(run.text, { continued: i < runs.length - 1, lineGap: 3 });
    });
    doc.moveDown(0.6);
  };
  input.pages.forEach((page, pageIndex) => {
    doc.addPage();
    if (pageIndex === 0) paragraph(input.title, 18, true);
    for (const para of page.split(/\n\s*\n/)) {
      const text = para.replace(/\s*\n\s*/g, ' ').trim();
      if (text) paragraph(text, 11);
    }
  });
  doc.end();
  return done;
}
