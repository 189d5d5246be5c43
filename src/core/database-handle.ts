export type Dialect = 'sqlite' | 'postgres';

/**
 * The database as code outside infra may see it: which kind it is and whether it answers.
 * Reading and writing go through the repositories, never through this handle.
 */
export interface DatabaseHandle {
  readonly dialect: Dialect;
  /** Resolves once the database has answered a trivial query; rejects when it cannot. */
  ping(): Promise<void>;
}
