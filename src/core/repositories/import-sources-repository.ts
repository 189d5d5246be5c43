import type { Tx } from '../ports.ts';

export interface ImportSource {
  source: string;
  sourceKey: string;
  entityType: string;
  entityId: number;
  contentHash: string | null;
}

/** Which record each imported item became, so that a second run updates instead of duplicating. */
export interface ImportSourcesRepository {
  find(source: string, sourceKey: string, tx?: Tx): Promise<ImportSource | undefined>;
  record(s: ImportSource, at: string, tx?: Tx): Promise<void>;
  count(source?: string, tx?: Tx): Promise<number>;
}
