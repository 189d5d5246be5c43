import type { Compilable, CompiledQuery } from 'kysely';
import { directRouteOf } from './direct-queries.ts';
import type { Executor } from './executor.ts';
import { nameStatement } from './named-statements.ts';

/** A value to run a prepared query with: a string, or a list of them (a PostgreSQL array). */
export type PreparedValue = string | readonly string[];

/**
 * A query built and compiled once, then run with new values: for the few queries on the hottest
 * paths, where building (the builder's nodes, the camel-case plugin's pass over them, the
 * compiler) cost more than SQLite took to answer.
 *
 * The query is built once with a marker in place of each named value; the compiled parameters
 * then say where each value goes. Only the values change between runs, never the SQL, so a
 * value must be something the builder passes as a parameter (a compared value, not a name); a
 * list goes in raw SQL (`${v.names}::text[]`).
 * Compiled per database handle: SQLite and PostgreSQL get their own SQL. PostgreSQL is sent it as
 * a named statement, so it is planned once per connection, not on every run, and straight to the
 * pool, not through Kysely's steps (direct-queries.ts); SQLite's handle already keeps its
 * statements (sqlite-statement-cache.ts).
 */
export function preparedQuery<Name extends string, Row>(
  names: readonly Name[],
  build: (db: Executor, values: Record<Name, string>) => Compilable<Row>,
): (db: Executor, values: Record<Name, PreparedValue>) => Promise<Row[]> {
  const compiledFor = new WeakMap<
    Executor,
    { query: CompiledQuery<Row>; slots: Array<Name | null>; name: string }
  >();
  const markers = Object.fromEntries(
    names.map((name) => [name, `\u0000prepared:${name}\u0000`]),
  ) as Record<Name, string>;
  const nameOf = new Map<unknown, Name>(names.map((name) => [markers[name], name]));
  return async (db, values) => {
    let compiled = compiledFor.get(db);
    if (!compiled) {
      const query = build(db, markers).compile();
      const slots = query.parameters.map((p) => nameOf.get(p) ?? null);
      for (const name of names) {
        if (!slots.includes(name)) throw new Error(`prepared query: ${name} is not a parameter`);
      }
      compiled = { query, slots, name: nameStatement(query.sql) };
      compiledFor.set(db, compiled);
    }
    const { query, slots, name } = compiled;
    const parameters = slots.map((slot, i) => (slot === null ? query.parameters[i] : values[slot]));
    const direct = directRouteOf(db);
    if (direct) {
      const result = await direct.pool.query({ name, text: query.sql, values: parameters });
      return result.rows.map(direct.mapRow) as Row[];
    }
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
