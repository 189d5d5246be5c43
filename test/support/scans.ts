import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';

/**
 * Scans made from known text, as a flatbed or a phone makes them: a page at 200 dpi in a given
 * typeface, turned a little, specks of noise, then saved as a low-quality JPEG. The text is the
 * ground truth the recognizer is measured against.
 */
export interface ScanStyle {
  font: ScanFont;
  /** Degrees the page is turned. */
  skew: number;
  /** Share of pixels flipped to a random grey. */
  noise: number;
  /** JPEG quality, 1–100. */
  jpegQuality: number;
}

const FONTS = {
  'DejaVu Serif': '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  'DejaVu Sans': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  'Noto Sans CJK KR': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  'Noto Serif CJK KR': '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
} as const;
export type ScanFont = keyof typeof FONTS;

/** The typefaces this machine lacks (the test says so and skips them). */
export function missingFonts(): ScanFont[] {
  return (Object.keys(FONTS) as ScanFont[]).filter((f) => !existsSync(FONTS[f]));
}

/**
 * Whether this machine can read scans as the archive does: tesseract with its English and Korean
 * data, poppler's pdftoppm, and the typefaces of the test scans. Says so on the console when not.
 */
export function ocrAvailable(): boolean {
  let ready = false;
  try {
    const languages = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    ready = /^eng$/m.test(languages) && /^kor$/m.test(languages) && missingFonts().length === 0;
  } catch {}
  if (!ready) {
    console.warn(
      '\n!! tesseract (tesseract-ocr-eng, tesseract-ocr-kor), pdftoppm (poppler-utils) or the scan typefaces (fonts-dejavu-core, fonts-noto-cjk) are missing: the OCR tests are skipped.\n',
    );
  }
  return ready;
}

let registered = false;
function registerFonts(): void {
  if (registered) return;
  for (const [family, path] of Object.entries(FONTS)) {
    if (existsSync(path)) GlobalFonts.registerFromPath(path, family);
  }
  registered = true;
}

/** A deterministic random stream, so that every run makes the same scans. */
function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const DPI = 200;
const PAGE_WIDTH = Math.round(8.27 * DPI);
const MARGIN = Math.round(0.8 * DPI);
/** 12-point type at 200 dpi. */
const FONT_PX = Math.round((12 / 72) * DPI);

/** Lays the text out in lines that fit the page, word by word (Korean breaks between words too). */
function layout(text: string, measure: (s: string) => number, width: number): string[][] {
  return text.split(/\n\s*\n/).map((paragraph) => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && measure(next) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  });
}

/** The scan as a scanner's JPEG, with its size in pixels. */
export async function makeScanJpeg(
  text: string,
  style: ScanStyle,
  seed = 1,
): Promise<{ jpeg: Uint8Array; width: number; height: number }> {
  const canvas = await drawScan(text, style, seed);
  return {
    jpeg: await canvas.encode('jpeg', style.jpegQuality),
    width: canvas.width,
    height: canvas.height,
  };
}

/** The scan as a PNG that carries the JPEG's artefacts. */
export async function makeScan(text: string, style: ScanStyle, seed = 1): Promise<Uint8Array> {
  const { jpeg } = await makeScanJpeg(text, style, seed);
  const decoded = await loadImage(jpeg);
  const out = createCanvas(decoded.width, decoded.height);
  out.getContext('2d').drawImage(decoded, 0, 0);
  return out.encode('png');
}

async function drawScan(text: string, style: ScanStyle, seed: number) {
  registerFonts();
  const lineHeight = Math.round(FONT_PX * 1.5);
  const probe = createCanvas(10, 10).getContext('2d');
  probe.font = `${FONT_PX}px "${style.font}"`;
  const paragraphs = layout(text, (s) => probe.measureText(s).width, PAGE_WIDTH - 2 * MARGIN);
  const lineCount = paragraphs.reduce((n, p) => n + p.length + 1, 0);
  const height = MARGIN * 2 + lineCount * lineHeight;
  const canvas = createCanvas(PAGE_WIDTH, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, PAGE_WIDTH, height);
  ctx.translate(PAGE_WIDTH / 2, height / 2);
  ctx.rotate((style.skew * Math.PI) / 180);
  ctx.translate(-PAGE_WIDTH / 2, -height / 2);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `${FONT_PX}px "${style.font}"`;
  ctx.textBaseline = 'top';
  let y = MARGIN;
  for (const lines of paragraphs) {
    for (const line of lines) {
      ctx.fillText(line, MARGIN, y);
      y += lineHeight;
    }
    y += lineHeight;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const pixels = ctx.getImageData(0, 0, PAGE_WIDTH, height);
  const random = randomStream(seed);
  const count = Math.round(PAGE_WIDTH * height * style.noise);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * PAGE_WIDTH * height) * 4;
    const grey = Math.floor(random() * 256);
    pixels.data[at] = pixels.data[at + 1] = pixels.data[at + 2] = grey;
  }
  ctx.putImageData(pixels, 0, 0);
  return canvas;
}

/**
 * A PDF of scanned pages and nothing else: each page one JPEG image (DCTDecode), no text layer,
 * as a scanner or a photocopier's "scan to PDF" makes it. Written by hand, since the point is
 * what it lacks.
 */
export function scannedPdf(
  pages: { jpeg: Uint8Array; width: number; height: number }[],
): Uint8Array {
  const objects: (string | Uint8Array)[][] = [];
  const pageIds: number[] = [];
  // 1: catalog, 2: page tree; then per page: page, content, image.
  pages.forEach((scan, i) => {
    const pageId = 3 + i * 3;
    pageIds.push(pageId);
    const w = (scan.width * 72) / DPI;
    const h = (scan.height * 72) / DPI;
    const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    objects[pageId] = [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${pageId + 2} 0 R >> >> /Contents ${pageId + 1} 0 R >>`,
    ];
    objects[pageId + 1] = [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`];
    objects[pageId + 2] = [
      `<< /Type /XObject /Subtype /Image /Width ${scan.width} /Height ${scan.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${scan.jpeg.byteLength} >>\nstream\n`,
      scan.jpeg,
      '\nendstream',
    ];
  });
  objects[1] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  objects[2] = [
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
  ];
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    parts.push(bytes);
    length += bytes.byteLength;
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = length;
    push(`${id} 0 obj\n`);
    for (const part of objects[id]!) push(part);
    push('\nendobj\n');
  }
  const xref = length;
  push(`xref\n0 ${objects.length}\n0000000000 65535 f \n`);
  for (let id = 1; id < objects.length; id++)
    push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** Share of the truth's words found, in order (longest common subsequence of words). */
export function wordAccuracy(truth: string, recognized: string): number {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter(Boolean);
  const a = norm(truth);
  const b = norm(recognized);
  const row = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = word === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return a.length ? row[b.length]! / a.length : 1;
}

/** 1 − the character error rate, spaces and punctuation aside (Levenshtein over characters). */
export function characterAccuracy(truth: string, recognized: string): number {
  const chars = (s: string) => [...s.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '')];
  const a = chars(truth);
  const b = chars(recognized);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return a.length ? Math.max(0, 1 - previous[b.length]! / a.length) : 1;
}
