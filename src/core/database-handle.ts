import type { ReadRouting } from './read-routing.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The database as code outside infra may see it: which kind it is, whether it answers, and where
 * reads go. Reading and writing go through the repositories, never through this handle.
 */
export interface DatabaseHandle {
  readonly dialect: Dialect;
  /** Resolves once the database has answered a trivial query; rejects when it cannot. */
  ping(): Promise<void>;
  /** Where reads go: the primary, or for anonymous readers a caught-up replica. */
  readonly reads: ReadRouting;
}
