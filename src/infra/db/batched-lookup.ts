/**
 * Lookups asked for in the same turn of the event loop, answered by one query.
 *
 * On PostgreSQL every query is a round trip: a write to the socket, the server waking to plan
 * and run it, a read back, and the driver's work around each. When a report goes out and many
 * readers ask for pages at once, the requests that arrive together (one poll of the sockets)
 * each reach their lookup before the loop moves on; they are collected until then
 * (`setImmediate` runs right after that poll) and sent as one query. The same key asked for twice
 * in a batch (readers of the same new report) is looked up once. A lone request waits for
 * nothing but the rest of the poll it arrived in.
 *
 * `fetch` answers every key it can; a key it leaves out is not found. An error fails every
 * lookup of the batch, as it would have failed each alone.
 */
export function batchedLookup<Key, Value>(options: {
  /** Equal keys must give equal ids: the batch asks for each id once. */
  idOf: (key: Key) => string;
  fetch: (keys: Key[]) => Promise<Map<string, Value>>;
  /** A batch this large is sent at once, without waiting for the turn to end. */
  maxBatch: number;
}): (key: Key) => Promise<Value | undefined> {
  let open: Batch<Key, Value> | null = null;

  const send = (batch: Batch<Key, Value>) => {
    if (batch.sent) return;
    batch.sent = true;
    if (open === batch) open = null;
    const keys = [...batch.waiting.values()].map((w) => w.key);
    let answer: Promise<Map<string, Value>>;
    try {
      answer = options.fetch(keys);
    } catch (error) {
      // Thrown outside any request (from setImmediate), it would end the process.
      answer = Promise.reject(error);
    }
    answer.then(
      (found) => {
        for (const [id, w] of batch.waiting) for (const r of w.resolvers) r.resolve(found.get(id));
      },
      (error: unknown) => {
        for (const w of batch.waiting.values()) for (const r of w.resolvers) r.reject(error);
      },
    );
  };

  return (key) =>
    new Promise((resolve, reject) => {
      let batch = open;
      if (!batch) {
        const fresh: Batch<Key, Value> = { waiting: new Map(), sent: false };
        open = batch = fresh;
        setImmediate(() => send(fresh));
      }
      const id = options.idOf(key);
      let w = batch.waiting.get(id);
      if (!w) {
        w = { key, resolvers: [] };
        batch.waiting.set(id, w);
      }
      w.resolvers.push({ resolve, reject });
      if (batch.waiting.size >= options.maxBatch) send(batch);
    });
}

interface Batch<Key, Value> {
  waiting: Map<
    string,
    {
      key: Key;
      resolvers: Array<{ resolve(v: Value | undefined): void; reject(e: unknown): void }>;
    }
  >;
  sent: boolean;
}
