import type { Tx } from '../ports.ts';

export interface RevisionSummary {
  id: number;
  version: number;
  authorUserId: number | null;
  createdAt: string;
}

/** Every save of a publication keeps a full snapshot, so any two can be compared or restored. */
export interface RevisionsRepository {
  append(
    r: {
      publicationId: number;
      version: number;
      snapshot: unknown;
      authorUserId: number | null;
    },
    at: string,
    tx?: Tx,
  ): Promise<void>;
  list(publicationId: number, tx?: Tx): Promise<RevisionSummary[]>;
  snapshot(publicationId: number, version: number, tx?: Tx): Promise<unknown | undefined>;
}
