import type { Tx } from './ports.ts';

/**
 * Tells the parts that keep derived data (the search index, caches) that the archive changed.
 * Listeners run inside the writing transaction, so what they write (index rows) commits or rolls
 * back with the change itself: the index cannot drift from the archive through a crash.
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
}

export class ChangeFeed {
  private readonly listeners: ChangeListener[] = [];

  subscribe(listener: ChangeListener): void {
    this.listeners.push(listener);
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
}
