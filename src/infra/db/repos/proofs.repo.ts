import type { Tx } from '../../../core/ports.ts';
import type {
  NewPublicationProof,
  ProofsRepository,
  PublicationProof,
} from '../../../core/repositories/proofs-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/** Timestamped versions of pieces' public records: added and read, never changed. */
export class ProofsRepo implements ProofsRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Numbers the version after the piece's last one. Two writers racing for the same number
   * meet the unique constraint: one fails (its job tries again) rather than both landing.
   */
  async add(proof: NewPublicationProof, tx?: Tx): Promise<PublicationProof> {
    const db = dbOrTx(this.db, tx);
    const last = await db
      .selectFrom('publicationProofs')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('publicationId', '=', proof.publicationId)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    const { id } = await db
      .insertInto('publicationProofs')
      .values({ ...proof, version })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...proof, id, version };
  }

  async listFor(publicationId: number, tx?: Tx): Promise<PublicationProof[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('publicationProofs')
      .selectAll()
      .where('publicationId', '=', publicationId)
      .orderBy('version', 'asc')
      .execute();
  }

  async all(tx?: Tx): Promise<PublicationProof[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('publicationProofs')
      .selectAll()
      .orderBy('publicationId', 'asc')
      .orderBy('version', 'asc')
      .execute();
  }
}
