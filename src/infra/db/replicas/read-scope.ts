import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks the work in which reads may come from a replica: an anonymous reader's request. Outside
 * it (staff, OAI-PMH, the API's sync listing, commands, jobs) every statement goes to the primary.
 */
const scope = new AsyncLocalStorage<true>();

export function withReplicaReads<T>(work: () => Promise<T>): Promise<T> {
  return scope.run(true, work);
}

export function replicaReadsAllowed(): boolean {
  return scope.getStore() === true;
}
