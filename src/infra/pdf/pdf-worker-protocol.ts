import type { UnreadablePdfReason } from '../../core/errors.ts';
import type { StrippedPdf } from '../../core/pdf-ports.ts';
import type { PdfPart } from './read-pdf.ts';

/** Messages between the sandbox pool and its child processes (IPC, structured clone). */
export type WorkerRequest =
  | {
      id: number;
      op: 'extract';
      bytes: Uint8Array;
      thumbnailWidth: number | null;
      maxTextChars: number;
      /** 1-based and inclusive; absent: every page. */
      pages?: { from: number; to: number };
    }
  | { id: number; op: 'strip-metadata'; bytes: Uint8Array; keepTitle: boolean };

/** The child's resident size now, and the most it ever had, sent with every reply. */
export interface WorkerMemory {
  rssBytes: number;
  maxRssBytes: number;
}

export type WorkerReply = WorkerMemory &
  (
    | { id: number; ok: true; op: 'extract'; result: PdfPart }
    | { id: number; ok: true; op: 'strip-metadata'; result: StrippedPdf }
    | {
        id: number;
        ok: false;
        reason: Exclude<UnreadablePdfReason, 'timeout' | 'crashed'>;
        detail: string;
      }
  );

/** The first message a child sends: it has loaded pdf.js and waits for work. */
export interface WorkerReady {
  ready: true;
}
