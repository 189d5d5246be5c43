import { deflateSync } from 'node:zlib';

/** Assembles a PDF from numbered object bodies, with a correct cross-reference table. */
export function assemblePdf(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.byteLength;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(chunk);
    length += chunk.byteLength;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
  ].join('\n');
  parts.push(Buffer.from(`${xref}\n`));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.byteLength} >>\nstream\n`),
    data,
    Buffer.from('\nendstream'),
  ]);
}

/**
 * A one-page PDF of a few megabytes whose page content inflates to `inflatedBytes` of blank
 * space: many content streams, each a deflated run of spaces. A reader that keeps what it
 * inflates runs out of memory long before it runs out of input.
 */
export function decompressionBomb(inflatedBytes = 3 * 1024 ** 3): Buffer {
  const piece = 64 * 1024 * 1024;
  const deflated = deflateSync(Buffer.alloc(piece, 0x20), { level: 9 });
  const count = Math.ceil(inflatedBytes / piece);
  const contentRefs = Array.from({ length: count }, (_, i) => `${4 + i} 0 R`).join(' ');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [${contentRefs}] >>`,
    ...Array.from({ length: count }, () => stream('/Filter /FlateDecode', deflated)),
  ]);
}

/**
 * A one-page PDF whose only image claims 40,000 × 40,000 RGB pixels (4.8 GB once inflated) in
 * a few megabytes of deflated zeros: the classic image bomb, reached when the page is drawn.
 */
export function imageBomb(): Buffer {
  const side = 40_000;
  const raw = Buffer.alloc(256 * 1024 * 1024, 0);
  const deflated = deflateSync(raw, { level: 9 });
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    stream('', Buffer.from('q 612 0 0 792 0 0 cm /Im1 Do Q')),
    stream(
      `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`,
      deflated,
    ),
  ]);
}

/** A PDF that opens only with a password (RC4/AES as pdfkit writes it). */
export async function passwordProtectedPdf(): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    userPassword: 'secret',
    ownerPassword: 'owner',
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.text('Testimony that only the password opens.');
  doc.end();
  return done;
}

/** Bytes that start like a PDF and then stop making sense. */
export function damagedPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R\nthis is where the file was cut',
  );
}
