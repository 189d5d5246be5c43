import type { Tx } from '../../../core/ports.ts';
import type { SettingsRepository } from '../../../core/repositories/settings-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/** Site settings as JSON values under string keys. */
export class SettingsRepo implements SettingsRepository {
  constructor(private readonly db: Executor) {}

  async get<T>(key: string, tx?: Tx): Promise<T | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async all(tx?: Tx): Promise<Record<string, unknown>> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('settings')
      .select(['key', 'value'])
      .execute();
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  }

  async set(key: string, value: unknown, at: string, tx?: Tx): Promise<void> {
    const json = JSON.stringify(value);
    await dbOrTx(this.db, tx)
      .insertInto('settings')
      .values({ key, value: json, updatedAt: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedAt: at }))
      .execute();
  }
}
