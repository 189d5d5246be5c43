import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * PostgreSQL parses and plans an unnamed statement afresh every time it runs, and Kysely's driver
 * sends every query unnamed. A statement sent with a name is parsed once per connection and then
 * only bound and run, with a plan PostgreSQL may keep. For the one query a stored page costs,
 * planning took as long as running it.
 *
 * Only SQL registered here is named (see prepared-query.ts): each name holds a prepared
 * statement on every pooled connection for the connection's life, so the set must stay small and
 * fixed, never grow with the values or shapes of ordinary queries.
 */
const names = new Map<string, string>();

/** Marks this SQL text to be sent as a named statement from now on; returns its name. */
export function nameStatement(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    // The same text always gets the same name, so a name can never stand for two statements.
    name = `dossier_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The pool's client class, sending registered SQL as named statements. Only the plain
 * `query(text, values)` form that Kysely uses is sent by name; every other form passes unchanged.
 */
export function namedStatementClient(Client: typeof pg.Client): typeof pg.Client {
  return class NamedStatementClient extends Client {
    override query: pg.Client['query'] = ((text: unknown, values?: unknown, callback?: unknown) => {
      const send = super.query.bind(this) as (...args: unknown[]) => unknown;
      const name = typeof text === 'string' && callback === undefined ? names.get(text) : undefined;
      if (name === undefined) return send(text, values, callback);
      return send({ name, text, values });
    }) as pg.Client['query'];
  };
}
