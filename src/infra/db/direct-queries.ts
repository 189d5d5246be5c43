import { CamelCasePlugin } from 'kysely';
import type pg from 'pg';
import type { Executor } from './executor.ts';

type Row = Record<string, unknown>;

/** What a prepared query needs to go to PostgreSQL's pool without passing through Kysely. */
export interface DirectRoute {
  pool: pg.Pool;
  /** The column names as the rest of the code sees them (the camel-case plugin's own mapping). */
  mapRow(row: Row): Row;
}

const routes = new WeakMap<Executor, DirectRoute>();

/**
 * Lets the prepared queries (prepared-query.ts) on this handle go straight to its pool.
 *
 * Kysely runs each query through a chain of async steps (take a connection, run, give it back,
 * each plugin's pass over the result), some ten promises a query, each tracked by the async
 * context the JSX renderer keeps. A prepared query is already compiled, so it only needs the pool
 * and the plugin's mapping of the result. On the stored page, one query a request, this and the
 * frame written as bytes (views/frame-template.ts) cut the server's CPU per page on PostgreSQL,
 * and the garbage collector's share of it most of all.
 *
 * Only the handle itself is registered, never a transaction made from it: a query inside a
 * transaction must run on the transaction's connection, so it goes through Kysely.
 */
export function routeDirectly(db: Executor, pool: pg.Pool, camelCase: CamelCase): void {
  routes.set(db, { pool, mapRow: (row) => camelCase.resultRow(row) });
}

/** Kysely's camel-case plugin, with its mapping of a result row open to the direct route. */
export class CamelCase extends CamelCasePlugin {
  resultRow(row: Row): Row {
    return this.mapRow(row);
  }
}

export function directRouteOf(db: Executor): DirectRoute | undefined {
  return routes.get(db);
}
