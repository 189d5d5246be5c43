/**
 * Resolves on a later turn of the event loop, after the sockets have been polled again.
 *
 * SQLite answers synchronously, so an `await` on it never leaves the microtask queue: long work
 * made of many queries (a search, a full load of the facet columns) would run from start to end
 * while no other request is even read. Awaiting this between its phases lets other requests,
 * and other searches, take their turns.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
