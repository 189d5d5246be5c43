import type { CaptureState } from '../captures.ts';
import type { Tx } from '../ports.ts';

/** One capture of a cited address (the `source_captures` table, migration 0106). */
export interface SourceCapture {
  id: number;
  url: string;
  finalUrl: string | null;
  state: CaptureState;
  httpStatus: number | null;
  contentType: string | null;
  /** The WARC, kept as a stored file; null when nothing came back. */
  storedFileId: number | null;
  bodySha256: string | null;
  bodyBytes: number | null;
  text: string | null;
  reason: string | null;
  capturedAt: string;
  takenDownAt: string | null;
  takenDownReason: string | null;
}

export type NewSourceCapture = Omit<SourceCapture, 'id' | 'takenDownAt' | 'takenDownReason'>;

export interface CapturesRepository {
  /** What a piece cites now, in order: replaces what it cited before. */
  replaceCitations(publicationId: number, urls: readonly string[], tx?: Tx): Promise<void>;
  citationsOf(publicationId: number, tx?: Tx): Promise<string[]>;
  add(capture: NewSourceCapture, tx?: Tx): Promise<SourceCapture>;
  /** The newest capture of each address that has one. */
  latestFor(urls: readonly string[], tx?: Tx): Promise<Map<string, SourceCapture>>;
  find(id: number, tx?: Tx): Promise<SourceCapture | undefined>;
  takeDown(id: number, reason: string, at: string, tx?: Tx): Promise<void>;
}
