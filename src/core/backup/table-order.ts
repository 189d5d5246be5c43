/** A table's foreign keys, as the database states them. */
export interface TableShape {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Referencing column → referenced table. */
  foreignKeys: Array<{ column: string; table: string }>;
}

/**
 * Tables in an order that loads every referenced row before the rows that point at it:
 * a topological sort of the foreign-key graph, ties broken by name so the order is stable.
 * A table that points at itself (places.parent_id) is no obstacle: the restore loads such
 * columns in a second pass. A cycle between different tables cannot be loaded in order and
 * is refused.
 */
export function loadOrder(tables: readonly TableShape[]): string[] {
  const names = new Set(tables.map((t) => t.name));
  const pending = new Map(
    tables.map((t) => [
      t.name,
      new Set(
        t.foreignKeys.map((fk) => fk.table).filter((ref) => ref !== t.name && names.has(ref)),
      ),
    ]),
  );
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending.entries()]
      .filter(([, deps]) => deps.size === 0)
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      throw new Error(
        `Foreign keys form a cycle between tables: ${[...pending.keys()].sort().join(', ')}`,
      );
    }
    for (const name of ready) {
      order.push(name);
      pending.delete(name);
      for (const deps of pending.values()) deps.delete(name);
    }
  }
  return order;
}

/** Whether `order` loads every table after the tables it references (self-references aside). */
export function respectsForeignKeys(order: readonly string[], tables: readonly TableShape[]) {
  const position = new Map(order.map((name, i) => [name, i]));
  return tables.every((t) =>
    t.foreignKeys.every(
      (fk) =>
        fk.table === t.name ||
        !position.has(fk.table) ||
        (position.get(fk.table) ?? 0) < (position.get(t.name) ?? -1),
    ),
  );
}

/** Columns that reference their own table: loaded as null first, then set. */
export function selfReferences(table: TableShape): string[] {
  return table.foreignKeys.filter((fk) => fk.table === table.name).map((fk) => fk.column);
}
