import type { Tx } from '../ports.ts';

/** Site settings as JSON values under string keys. */
export interface SettingsRepository {
  get<T>(key: string, tx?: Tx): Promise<T | undefined>;
  all(tx?: Tx): Promise<Record<string, unknown>>;
  set(key: string, value: unknown, at: string, tx?: Tx): Promise<void>;
}
