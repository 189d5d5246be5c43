import type { Tx } from '../../../core/ports.ts';
import type {
  EditorialNoteListing,
  EditorialNoteRow,
  EditorialNotesRepository,
} from '../../../core/repositories/editorial-notes-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/** Staff-only notes on a piece, kept as its history: added and read, never changed. */
export class EditorialNotesRepo implements EditorialNotesRepository {
  constructor(private readonly db: Executor) {}

  async insert(note: Omit<EditorialNoteRow, 'id'>, tx?: Tx): Promise<number> {
    const { id } = await dbOrTx(this.db, tx)
      .insertInto('editorialNotes')
      .values(note)
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** A piece's notes, oldest first, as a history reads. */
  async list(publicationId: number, tx?: Tx): Promise<EditorialNoteListing[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('editorialNotes as n')
      .leftJoin('users as u', 'u.id', 'n.authorUserId')
      .select([
        'n.id',
        'n.publicationId',
        'n.authorUserId',
        'n.kind',
        'n.body',
        'n.createdAt',
        'u.displayName as author',
      ])
      .where('n.publicationId', '=', publicationId)
      .orderBy('n.id', 'asc')
      .execute();
  }
}
