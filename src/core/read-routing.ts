/** One read replica as the operator sees it (on /healthz). */
export interface ReplicaState {
  /** Whether it answered its last question; a replica that did not is left alone for a while. */
  up: boolean;
  /** Whether it has replayed every write this process knows of, so that it may answer reads. */
  caughtUp: boolean;
}

/**
 * Where reads go. With read replicas (`DATABASE_REPLICA_URL`), an anonymous reader's reads may be
 * answered by a replica, but only by one that has replayed every change this process has made or
 * heard of; everything else (writes, transactions, staff, harvesters) goes to the primary.
 * Without replicas every method is a pass-through.
 */
export interface ReadRouting {
  /** How many replicas there are (0: one database answers everything). */
  readonly replicaCount: number;
  /** Runs `work` with its reads allowed on a caught-up replica. */
  anonymous<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Another process has committed a change (a message on the invalidation channel): no replica
   * answers until it has replayed the primary's log up to now, so a page dropped from a cache is
   * never filled again from older data.
   */
  changedElsewhere(): void;
  replicas(): ReplicaState[];
}

export const noReplicas: ReadRouting = {
  replicaCount: 0,
  anonymous: (work) => work(),
  changedElsewhere: () => {},
  replicas: () => [],
};
