import { spawn } from 'node:child_process';
import type { OcrLanguage, RecognizedText, TextRecognizer } from '../../core/ocr-ports.ts';
import { limitedCommand } from '../pdf/limited-command.ts';
import { readTesseractTsv } from './tesseract-tsv.ts';

/** Below this mean confidence, or with fewer words, a page is read again with the automatic layout. */
const POOR_CONFIDENCE = 75;
const FEW_WORDS = 10;
const score = (r: RecognizedText) => r.confidence * r.words;

export class OcrError extends Error {
  override name = 'OcrError';
}

export interface TesseractLimits {
  /** A page that takes longer is stopped and refused. */
  timeoutMs: number;
  memoryBytes: number;
  /** The largest image accepted, and the most output read back. */
  maxImageBytes: number;
  maxOutputBytes: number;
}

export const DEFAULT_OCR_LIMITS: TesseractLimits = {
  timeoutMs: 60_000,
  memoryBytes: 1024 * 1024 * 1024,
  maxImageBytes: 64 * 1024 * 1024,
  maxOutputBytes: 8 * 1024 * 1024,
};

/**
 * Debian's tesseract (5.x, with the `eng` and `kor` data of tesseract-ocr-eng and
 * tesseract-ocr-kor), one process a page, fed on stdin and read as TSV on stdout. Native
 * tesseract reads a page several times faster than its WebAssembly build, and a child process
 * gives the limits for free: a time limit, a memory limit (`prlimit`, as the PDF readers have),
 * one thread (OMP_THREAD_LIMIT), so that a 50-page scan leaves the server's other core alone.
 */
export class TesseractRecognizer implements TextRecognizer {
  constructor(
    private readonly limits: TesseractLimits = DEFAULT_OCR_LIMITS,
    private readonly binary = 'tesseract',
  ) {}

  /**
   * A page is read as one column of text of varied sizes (tesseract's page segmentation mode 4).
   * The automatic layout (mode 3) finds columns, but on a noisy Korean page it often keeps only a
   * few lines, with high confidence, so nothing could tell that it had missed the rest. A page
   * that mode 4 reads poorly (low confidence or hardly any words: a figure, a form, columns far
   * apart) is read again with the automatic layout, and the better reading is kept. Two columns
   * read as one give their lines interleaved: every word is still found, and on its page.
   */
  async recognize(image: Uint8Array, languages: readonly OcrLanguage[]): Promise<RecognizedText> {
    if (image.byteLength > this.limits.maxImageBytes) {
      throw new OcrError('The page image is too large to read');
    }
    const langs = languages.length > 0 ? languages.join('+') : 'eng';
    const column = await this.#run(image, langs, 4);
    if (column.confidence >= POOR_CONFIDENCE && column.words >= FEW_WORDS) return column;
    const auto = await this.#run(image, langs, 3);
    return score(auto) > score(column) ? auto : column;
  }

  #run(image: Uint8Array, langs: string, mode: number): Promise<RecognizedText> {
    const { command, args } = limitedCommand(
      [this.binary, 'stdin', 'stdout', '-l', langs, '--psm', String(mode), 'tsv'],
      this.limits.memoryBytes,
    );
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let failure: string | null = null;
      let stderr = '';
      const timer = setTimeout(() => {
        failure = 'Reading the page took too long';
        child.kill('SIGKILL');
      }, this.limits.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > this.limits.maxOutputBytes) {
          failure = 'The page gave more text than a page holds';
          child.kill('SIGKILL');
          return;
        }
        chunks.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 4096) stderr += chunk.toString('utf8');
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new OcrError(`Text recognition is not available: ${error.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (failure) return reject(new OcrError(failure));
        if (code !== 0) {
          const reason = stderr.split('\n').find((l) => /error|cannot|failed/i.test(l));
          return reject(new OcrError(`The page could not be read${reason ? `: ${reason}` : ''}`));
        }
        resolve(readTesseractTsv(Buffer.concat(chunks).toString('utf8')));
      });
      // A child that stopped reading (a refused image) closes stdin early: that is its answer.
      child.stdin.on('error', () => {});
      child.stdin.end(image);
    });
  }
}
