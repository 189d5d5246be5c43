import type { AuditEvent } from './entities.ts';
import type { Transactor, Tx } from './ports.ts';

/** An audit entry as written, before the database numbers it. */
export type AuditEntry = Omit<AuditEvent, 'id'>;

/**
 * Tells the parts that keep derived data (the search index, stored pages, caches) that the
 * archive changed. Change listeners run inside the writing transaction, so what they write
 * (index rows, stamps) commits or rolls back with the change itself: derived data cannot drift
 * from the archive through a crash.
 *
 * A transaction opened through `announcing(transactor)` is announced too: once its work is done
 * (`transactionEnding`, still inside it) and once it has committed (`transactionCommitted`),
 * for what must wait until every reader can see the change (dropping cached pages again, telling
 * other processes).
 */
export interface ChangeListener {
  /**
   * A publication is about to be saved over: it may leave listings (another section, date,
   * status, people, topics or places). Called before the write, in its transaction.
   */
  publicationChanging?(publicationId: number, tx: Tx): Promise<void>;
  publicationChanged?(publicationId: number, tx: Tx): Promise<void>;
  /** A stored file's derived data (page text, page count) changed. */
  storedFileChanged?(storedFileId: number, tx: Tx): Promise<void>;
  /**
   * An audit entry was written, in `tx`; without one, after the change it records committed.
   * Every write in the archive is audited, so this is where derived data hears of the changes
   * that have no event of their own (sections, settings, series, organizations, places).
   */
  audited?(entry: AuditEntry, tx?: Tx): Promise<void>;
  /** An announced transaction's work is done: the last statements before it commits. */
  transactionEnding?(tx: Tx): Promise<void>;
  /**
   * An announced transaction has committed. The change is done: a listener that fails here
   * reports its own failure rather than turn the writer's success into an error.
   */
  transactionCommitted?(tx: Tx): void;
}

export class ChangeFeed {
  private readonly listeners: ChangeListener[] = [];
  /** Transactions opened through `announcing`, whose end and commit listeners will hear of. */
  private readonly announced = new WeakSet<Tx>();

  /** Listeners hear each event in the order they subscribed. */
  subscribe(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * The transactor the services use: each transaction it opens is announced to the listeners,
   * in this order: its own events, then `transactionEnding` inside it, then, only once it has
   * committed, `transactionCommitted`. A transaction that rolls back announces no commit.
   */
  announcing(transactor: Transactor): Transactor {
    return {
      transaction: async (fn) => {
        const opened: Tx[] = [];
        const result = await transactor.transaction(async (tx) => {
          opened.push(tx);
          this.announced.add(tx);
          const value = await fn(tx);
          for (const l of this.listeners) await l.transactionEnding?.(tx);
          return value;
        });
        for (const tx of opened) this.committed(tx);
        return result;
      },
    };
  }

  /**
   * Whether listeners will hear when `tx` ends and commits. A transaction opened some other way
   * (a restore's own) is not announced: what waits for its commit must be done at once instead.
   */
  announces(tx: Tx): boolean {
    return this.announced.has(tx);
  }

  async publicationChanging(publicationId: number, tx: Tx): Promise<void> {
    for (const l of this.listeners) await l.publicationChanging?.(publicationId, tx);
  }

  async publicationChanged(publicationId: number, tx: Tx): Promise<void> {
    for (const l of this.listeners) await l.publicationChanged?.(publicationId, tx);
  }

  async storedFileChanged(storedFileId: number, tx: Tx): Promise<void> {
    for (const l of this.listeners) await l.storedFileChanged?.(storedFileId, tx);
  }

  async audited(entry: AuditEntry, tx?: Tx): Promise<void> {
    for (const l of this.listeners) await l.audited?.(entry, tx);
  }

  private committed(tx: Tx): void {
    for (const l of this.listeners) {
      try {
        l.transactionCommitted?.(tx);
      } catch (error) {
        console.error('dossier: after a commit', error);
      }
    }
  }
}
