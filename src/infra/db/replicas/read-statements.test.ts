import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lsnValue } from './lsn.ts';
import { isReadStatement } from './read-statements.ts';

describe('which statements a replica may answer', () => {
  it('takes plain reads, with or without a WITH', () => {
    expect(isReadStatement('select "id" from "publications" where "slug" = $1')).toBe(true);
    expect(isReadStatement('  WITH hits AS (select 1) select * from hits')).toBe(true);
    expect(isReadStatement('(select 1) union (select 2)')).toBe(true);
  });

  it('leaves writes, locks, signals and transaction control to the primary', () => {
    for (const sql of [
      'insert into "audit" values ($1)',
      'update "publications" set "title" = $1',
      'delete from "sessions"',
      'with moved as (delete from jobs returning *) select * from moved',
      'select * from jobs for update skip locked',
      'select * from jobs for share',
      'select pg_notify($1, $2)',
      'select pg_advisory_xact_lock(1)',
      "select nextval('jobs_id_seq')",
      'select * into copy from publications',
      'begin',
      'commit',
      'set search_path to x',
    ]) {
      expect(isReadStatement(sql), sql).toBe(false);
    }
  });

  it('never takes a statement that names a write, wherever the word stands', () => {
    const verb = fc.constantFrom('insert', 'UPDATE', 'Delete', 'merge', 'pg_notify', 'setval');
    const words = fc.array(fc.constantFrom('select', 'x', 'from', '(', ')', ',', '1', 'where'), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(words, verb, words, (before, write, after) => {
        const sql = ['select', ...before, write, ...after].join(' ');
        expect(isReadStatement(sql)).toBe(false);
      }),
    );
  });
});

describe('log positions', () => {
  it('orders positions by both words, not as text', () => {
    expect(lsnValue('0/9') < lsnValue('0/10')).toBe(true);
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
    expect(lsnValue('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(lsnValue(null)).toBe(0n);
    expect(() => lsnValue('nonsense')).toThrow();
  });
});
