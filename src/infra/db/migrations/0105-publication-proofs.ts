import { type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * Proof of what was published when: each timestamped version of a piece's public record, with
 * the exact canonical text that was hashed, its SHA-256 and the authority's RFC 3161 reply (the
 * TimeStampResp that holds the token, DER) in base64 (text
 * reads the same on both databases and in a backup). Versions are numbered per piece, once
 * each; a proof is never changed, and goes with its piece when the piece is purged.
 */
export function publicationProofs(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await withId(db.schema.createTable('publication_proofs'), dialect)
        .addColumn('publication_id', 'integer', (c) =>
          c.notNull().references('publications.id').onDelete('cascade'),
        )
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('reply', 'text', (c) => c.notNull())
        .addColumn('stamped_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('publication_proofs_version', ['publication_id', 'version'])
        .execute();
    },
  };
}
