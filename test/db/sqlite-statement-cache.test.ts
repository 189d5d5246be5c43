import SQLite from 'better-sqlite3';
import { CamelCasePlugin, type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/infra/db/sqlite-statement-cache.ts';

interface Tables {
  notes: { id: Generated<number>; body: string };
}

describe('the SQLite statement cache', () => {
  let sqlite: SQLite.Database;
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  function open(capacity?: number) {
    sqlite = new SQLite(':memory:');
    sqlite.exec(`create table notes (id integer primary key, body text not null);
      insert into notes (body) values ('one'), ('two'), ('three');`);
    const database = withStatementCache(sqlite, capacity);
    const db = new Kysely<Tables>({
      dialect: new SqliteDialect({ database }),
      plugins: [new CamelCasePlugin()],
    });
    return { database, db };
  }

  it('hands back the same prepared statement for the same SQL', () => {
    const { database } = open();
    const a = database.prepare('select body from notes where id = ?');
    const b = database.prepare('select body from notes where id = ?');
    expect(b).toBe(a);
    expect(database.size).toBe(1);
  });

  it('never hands out a statement still held by an open iterator', () => {
    const { database } = open();
    const query = 'select body from notes order by id';
    const held = database.prepare(query);
    const rows = held.iterate([]);
    expect(rows.next().value).toEqual({ body: 'one' });
    expect(database.prepare(query)).not.toBe(held);
    rows.return?.();
    expect(database.prepare(query)).toBe(held);
    expect(held.all([])).toEqual([{ body: 'one' }, { body: 'two' }, { body: 'three' }]);
  });

  it('streams through a reused statement, and reuses it again after the stream ends', async () => {
    const { db } = open();
    const query = db.selectFrom('notes').select('body').orderBy('id');
    const streamed: string[] = [];
    for await (const row of query.stream()) {
      streamed.push(row.body);
      if (streamed.length === 2) break;
    }
    expect(streamed).toEqual(['one', 'two']);
    expect((await query.execute()).map((r) => r.body)).toEqual(['one', 'two', 'three']);
  });

  it('keeps at most its capacity, dropping the least recently used statement', () => {
    const { database } = open(2);
    const first = database.prepare('select 1');
    database.prepare('select 2');
    expect(database.prepare('select 1')).toBe(first);
    database.prepare('select 3');
    expect(database.size).toBe(2);
    // "select 2" was the least recently used and went; "select 1" stayed.
    expect(database.prepare('select 1')).toBe(first);
  });

  it('sees a column added after a statement was cached', async () => {
    const { db } = open();
    const read = () => db.selectFrom('notes').selectAll().where('id', '=', 1).executeTakeFirst();
    expect(await read()).toEqual({ id: 1, body: 'one' });
    await sql`alter table notes add column lang text not null default 'en'`.execute(db);
    expect(await read()).toEqual({ id: 1, body: 'one', lang: 'en' });
  });

  it('reports changes and new ids from a reused insert statement', async () => {
    const { db } = open();
    const insert = (body: string) => db.insertInto('notes').values({ body }).executeTakeFirst();
    expect((await insert('four')).insertId).toBe(4n);
    expect((await insert('five')).insertId).toBe(5n);
    const gone = await db.deleteFrom('notes').where('id', '>', 3).executeTakeFirst();
    expect(gone.numDeletedRows).toBe(2n);
  });
});
