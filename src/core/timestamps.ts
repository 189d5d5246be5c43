/**
 * Proof of what was published when. With an RFC 3161 time-stamping authority configured
 * (`DOSSIER_TSA_URL`, `DOSSIER_TSA_CA_FILE`), each publication's public record is stamped when
 * it is published and again whenever what the public sees of it changes: a durable job, queued
 * in the writing transaction, so a crash cannot lose a version.
 */
export const TIMESTAMP_JOB = 'publication.timestamp';

export interface TimestampPayload {
  publicationId: number;
}

/**
 * An authority's answer, checked: its reply as sent (a TimeStampResp, DER, which holds the
 * token) and the time it vouches for.
 */
export interface TimestampToken {
  reply: Uint8Array;
  /** The authority's genTime, as an ISO 8601 instant. */
  genTime: string;
}

/**
 * A time-stamping authority. `stamp` sends the SHA-256 of the bytes and returns a token only
 * once it is checked (granted, our digest and nonce, a signature the configured CA vouches
 * for); anything else throws, so that the job tries again later.
 */
export interface TimestampAuthority {
  stamp(bytes: Uint8Array, signal: AbortSignal): Promise<TimestampToken>;
}

/** A token as `dossier verify` reads it back, offline. */
export interface TokenCheck {
  /** Why the token does not prove the digest, or null when it does. */
  problem: string | null;
  genTime: string | null;
}
