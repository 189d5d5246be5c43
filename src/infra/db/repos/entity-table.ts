import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { Database } from '../database.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/** Tables whose rows carry a numeric `id`, the key every entity repository finds and updates by. */
export type EntityTableName = {
  [T in keyof Database]: Database[T] extends { id: unknown } ? T : never;
}[keyof Database];

export type ColumnOf<T extends keyof Database> = keyof Database[T] & string;

/**
 * The same queries typed loosely: Kysely cannot resolve a column of a table chosen by a type
 * parameter, so the typed surface below is checked at each call site and the query inside is not.
 */
type LooseDatabase = Record<string, Record<string, unknown>>;

function loose(db: Executor, tx?: Tx): Kysely<LooseDatabase> {
  return dbOrTx(db, tx) as unknown as Kysely<LooseDatabase>;
}

/**
 * One entity table read as one domain type: the find, list, insert and update by `id` that the
 * simple entity repositories would otherwise each spell out. `columns` are those the domain
 * type holds; every read and insert returns exactly them.
 */
export class EntityTable<T extends EntityTableName, Row> {
  // Widened to plain strings for the loosely typed queries.
  private readonly table: string;
  private readonly columns: readonly string[];

  constructor(
    private readonly db: Executor,
    table: T,
    columns: readonly ColumnOf<T>[],
  ) {
    this.table = table;
    this.columns = columns;
  }

  async insert(values: Insertable<Database[T]>, tx?: Tx): Promise<Row> {
    const row = await loose(this.db, tx)
      .insertInto(this.table)
      .values(values as Record<string, unknown>)
      .returning(this.columns)
      .executeTakeFirstOrThrow();
    return row as Row;
  }

  async update(id: number, values: Updateable<Database[T]>, tx?: Tx): Promise<void> {
    await loose(this.db, tx)
      .updateTable(this.table)
      .set(values as Record<string, unknown>)
      .where('id', '=', id)
      .execute();
  }

  async findBy(column: ColumnOf<T>, value: string | number, tx?: Tx): Promise<Row | undefined> {
    const row = await loose(this.db, tx)
      .selectFrom(this.table)
      .select(this.columns)
      .where(column as string, '=', value)
      .executeTakeFirst();
    return row as Row | undefined;
  }

  async findByIds(ids: readonly number[], tx?: Tx): Promise<Row[]> {
    if (ids.length === 0) return [];
    const rows = await loose(this.db, tx)
      .selectFrom(this.table)
      .select(this.columns)
      .where('id', 'in', [...ids])
      .execute();
    return rows as Row[];
  }

  /** Every row, sorted by `orderBy` in turn (each ascending). */
  async list(orderBy: readonly ColumnOf<T>[], tx?: Tx): Promise<Row[]> {
    let query = loose(this.db, tx).selectFrom(this.table).select(this.columns);
    for (const column of orderBy) query = query.orderBy(column as string);
    return (await query.execute()) as Row[];
  }
}

/**
 * Replaces the rows an owner links to (a person's roles, a place's names) with `rows`, numbered by
 * their place in the list so that reading them back keeps the order.
 */
export async function replaceLinkRows<T extends keyof Database>(
  db: Executor,
  table: T,
  ownerColumn: ColumnOf<T>,
  ownerId: number,
  rows: readonly object[],
  tx?: Tx,
): Promise<void> {
  const query = loose(db, tx);
  const linkTable: string = table;
  await query
    .deleteFrom(linkTable)
    .where(ownerColumn as string, '=', ownerId)
    .execute();
  if (rows.length === 0) return;
  await query
    .insertInto(linkTable)
    .values(rows.map((row, position) => ({ ...row, [ownerColumn]: ownerId, position })))
    .execute();
}

/**
 * The publications a link table ties to one entity, trashed ones included: their derived data
 * names it.
 */
export async function linkedPublicationIds<T extends keyof Database>(
  db: Executor,
  table: T,
  column: ColumnOf<T>,
  id: number,
  tx?: Tx,
): Promise<number[]> {
  const linkTable: string = table;
  const rows = await loose(db, tx)
    .selectFrom(linkTable)
    .select('publicationId')
    .distinct()
    .where(column as string, '=', id)
    .orderBy('publicationId')
    .execute();
  return rows.map((r) => r.publicationId as number);
}

/** The one row whose `column` holds `value` (a unique key), every column of it. */
export async function findRowBy<T extends keyof Database>(
  db: Executor,
  table: T,
  column: ColumnOf<T>,
  value: string | number,
  tx?: Tx,
): Promise<Selectable<Database[T]> | undefined> {
  const rowTable: string = table;
  const row = await loose(db, tx)
    .selectFrom(rowTable)
    .selectAll()
    .where(column as string, '=', value)
    .executeTakeFirst();
  return row as Selectable<Database[T]> | undefined;
}

/**
 * Sets the instant `column` (a session's `revokedAt`, a link's `usedAt`) on the rows whose `key`
 * column holds `value` and that have none yet, so that the first instant stands; returns how many
 * rows it set.
 */
export async function stampUnset<T extends keyof Database>(
  db: Executor,
  table: T,
  column: ColumnOf<T>,
  at: string,
  key: ColumnOf<T>,
  value: string | number,
  tx?: Tx,
): Promise<number> {
  const stampedTable: string = table;
  const result = await loose(db, tx)
    .updateTable(stampedTable)
    .set({ [column]: at })
    .where(key as string, '=', value)
    .where(column as string, 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
