import type { IndexSources } from '../../core/index-sources.ts';
import type { Tx } from '../../core/ports.ts';
import type { GazetteerSource } from '../../core/search-engine.ts';
import { Gazetteer } from './gazetteer-variants.ts';

/**
 * The gazetteer in memory, checked against the database by a one-row fingerprint on every use:
 * another process (or the back office in this one) may have renamed a place since.
 */
export class GazetteerCache implements GazetteerSource {
  private cached: { fingerprint: string; gazetteer: Gazetteer } | null = null;
  /** Built inside a transaction from places it may not commit: kept for that transaction only. */
  private readonly inTransaction = new WeakMap<Tx, { fingerprint: string; gazetteer: Gazetteer }>();

  constructor(private readonly sources: IndexSources) {}

  async get(tx?: Tx): Promise<Gazetteer> {
    const fingerprint = await this.sources.gazetteerFingerprint(tx);
    if (this.cached?.fingerprint === fingerprint) return this.cached.gazetteer;
    const mine = tx ? this.inTransaction.get(tx) : undefined;
    if (mine?.fingerprint === fingerprint) return mine.gazetteer;
    const entry = { fingerprint, gazetteer: new Gazetteer(await this.sources.gazetteer(tx)) };
    if (tx) this.inTransaction.set(tx, entry);
    else this.cached = entry;
    return entry.gazetteer;
  }
}
