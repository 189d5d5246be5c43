import type { Tx } from '../ports.ts';

/**
 * One timestamped version of a publication's public record (the `publication_proofs` table,
 * migration 0105): the record's exact canonical text, its SHA-256, and the authority's reply.
 */
export interface PublicationProof {
  id: number;
  publicationId: number;
  /** 1 for the first version the public saw, then 2, 3… */
  version: number;
  /** The canonical JSON (RFC 8785) exactly as hashed and stamped. */
  record: string;
  /** Hex. */
  sha256: string;
  /**
   * The authority's RFC 3161 reply (a TimeStampResp, DER) as it was sent, which holds the
   * token: base64, the same text on both databases. Served as `record.tsr`, it is what
   * `openssl ts -verify -in` reads.
   */
  reply: string;
  /** When the authority says it saw the hash (its genTime). */
  stampedAt: string;
  createdAt: string;
}

export type NewPublicationProof = Omit<PublicationProof, 'id' | 'version'>;

/** Proofs are history: added and read, never changed (they go with their piece when purged). */
export interface ProofsRepository {
  /** Adds the next version of a piece's proof, numbered after its last one. */
  add(proof: NewPublicationProof, tx?: Tx): Promise<PublicationProof>;
  /** A piece's proofs, oldest first. */
  listFor(publicationId: number, tx?: Tx): Promise<PublicationProof[]>;
  /** Every proof, by piece then version: what `dossier verify` walks. */
  all(tx?: Tx): Promise<PublicationProof[]>;
}
