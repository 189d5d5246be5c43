import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OcrLanguage, ScannedPage, ScanReader, TextRecognizer } from '../../core/ocr-ports.ts';
import { limitedCommand } from '../pdf/limited-command.ts';
import { TesseractRecognizer } from './tesseract-recognizer.ts';

/** Scans are drawn at the resolution tesseract reads best, in grey. */
const DPI = 200;
const RENDER_TIMEOUT_MS = 30_000;
const RENDER_MEMORY_BYTES = 512 * 1024 * 1024;
const MAX_PAGE_IMAGE_BYTES = 64 * 1024 * 1024;

/**
 * Draws each scanned page with poppler's `pdftoppm` (one page per process, under a time and
 * memory limit, as the PDF readers run) and reads it with tesseract in English and Korean. A page
 * that fails either step is skipped: one bad page never costs the file its other pages.
 */
export class PageScanReader implements ScanReader {
  /**
   * One page is read at a time in this process, whichever job asks: several files extracted at
   * once (the job runner takes more than one) must not each start a tesseract and take both cores
   * from the server.
   */
  #turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly recognizer: TextRecognizer = new TesseractRecognizer(),
    private readonly languages: readonly OcrLanguage[] = ['kor', 'eng'],
  ) {}

  async readPages(pdf: Uint8Array, pages: readonly number[]): Promise<ScannedPage[]> {
    if (pages.length === 0) return [];
    const dir = await mkdtemp(join(tmpdir(), 'dossier-ocr-'));
    try {
      const file = join(dir, 'scan.pdf');
      await writeFile(file, pdf);
      const read: ScannedPage[] = [];
      for (const page of pages) {
        const text = await this.#inTurn(async () => {
          const image = await drawPage(file, page).catch(() => null);
          return image ? this.recognizer.recognize(image, this.languages).catch(() => null) : null;
        });
        if (text?.text.trim()) read.push({ page, text: text.text, confidence: text.confidence });
      }
      return read;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#turn.then(work, work);
    this.#turn = result.catch(() => {});
    return result;
  }
}

function drawPage(file: string, page: number): Promise<Uint8Array> {
  const { command, args } = limitedCommand(
    ['pdftoppm', '-r', String(DPI), '-gray', '-f', String(page), '-l', String(page), '-png', file],
    RENDER_MEMORY_BYTES,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), RENDER_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_PAGE_IMAGE_BYTES) child.kill('SIGKILL');
      else chunks.push(chunk);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && size <= MAX_PAGE_IMAGE_BYTES) resolve(Buffer.concat(chunks));
      else reject(new Error(`page ${page} could not be drawn`));
    });
  });
}
