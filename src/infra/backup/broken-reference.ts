/**
 * When the database refuses a batch of an archive's rows, finds the row and the foreign key it
 * breaks, so that the restore can say which in one line. Runs only after a refusal, inside the
 * restore's transaction (rolled back to before the batch), where the rows loaded so far are
 * visible: one lookup per row and reference, which costs nothing on the path that succeeds.
 */
import { type Kysely, sql } from 'kysely';
import type { SqlValue } from '../../core/backup/rows.ts';
import type { Dialect } from '../../core/database-handle.ts';

type Trx = Kysely<Record<string, never>>;

interface ForeignKey {
  /** The constraint's name; SQLite keeps none that it reports. */
  name: string | null;
  columns: string[];
  table: string;
  refColumns: string[];
}

/** The first row of `rows` whose reference finds no row, in words; null when none is broken. */
export async function findBrokenReference(
  trx: Trx,
  dialect: Dialect,
  table: string,
  primaryKey: readonly string[],
  rows: ReadonlyArray<Record<string, SqlValue>>,
): Promise<string | null> {
  const keys = await foreignKeysOf(trx, dialect, table);
  for (const fk of keys) {
    for (const row of rows) {
      const values = fk.columns.map((c) => row[c]);
      if (values.some((v) => v === null || v === undefined)) continue;
      const match = fk.refColumns.map((c, i) => sql`${sql.ref(c)} = ${values[i]}`);
      const { rows: found } = await sql`select 1 as one from ${sql.table(fk.table)}
        where ${sql.join(match, sql` and `)} limit 1`.execute(trx);
      if (found.length > 0) continue;
      const which = primaryKey.map((c) => `${c}=${show(row[c])}`).join(', ');
      const holds = fk.columns.map((c, i) => `${c}=${show(values[i])}`).join(', ');
      const key = `${table}.${fk.columns.join('+')} → ${fk.table}.${fk.refColumns.join('+')}`;
      return `in ${table}, the row ${which} has ${holds}, but ${fk.table} has no such row (foreign key ${fk.name ? `${fk.name}: ` : ''}${key})`;
    }
  }
  return null;
}

function show(v: SqlValue | undefined): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(typeof v === 'string' ? v : String(v));
}

async function foreignKeysOf(trx: Trx, dialect: Dialect, table: string): Promise<ForeignKey[]> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{
      name: string;
      columns: string;
      ref_table: string;
      ref_columns: string;
    }>`select con.conname as name, rcl.relname as ref_table,
        (select string_agg(a.attname, ',' order by k.i) from unnest(con.conkey)
           with ordinality as k(attnum, i)
         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
        (select string_agg(a.attname, ',' order by k.i) from unnest(con.confkey)
           with ordinality as k(attnum, i)
         join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as ref_columns
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_namespace ns on ns.oid = cl.relnamespace
      join pg_class rcl on rcl.oid = con.confrelid
      where con.contype = 'f' and ns.nspname = current_schema() and cl.relname = ${table}
      order by con.conname`.execute(trx);
    return rows.map((r) => ({
      name: r.name,
      columns: r.columns.split(','),
      table: r.ref_table,
      refColumns: r.ref_columns.split(','),
    }));
  }
  const { rows } = await sql<{
    id: number;
    seq: number;
    table: string;
    from: string;
    to: string | null;
  }>`select * from pragma_foreign_key_list(${table}) order by id, seq`.execute(trx);
  const byId = new Map<number, ForeignKey>();
  for (const r of rows) {
    const fk = byId.get(r.id) ?? { name: null, columns: [], table: r.table, refColumns: [] };
    fk.columns.push(r.from);
    if (r.to) fk.refColumns.push(r.to);
    byId.set(r.id, fk);
  }
  // A reference that names no column points at the parent's primary key.
  for (const fk of byId.values()) {
    if (fk.refColumns.length === fk.columns.length) continue;
    const { rows: info } = await sql<{ name: string; pk: number }>`
      select name, pk from pragma_table_info(${fk.table}) where pk > 0 order by pk`.execute(trx);
    fk.refColumns = info.map((c) => c.name);
  }
  return [...byId.values()];
}
