import type { ImageFallbackType, ImageRecord } from '../../../core/images.ts';
import type { Tx } from '../../../core/ports.ts';
import type { ImagesRepository, ImageWrite } from '../../../core/repositories/images-repository.ts';
import type { ImageTable } from '../database.ts';
import { dbOrTx, type Executor } from '../executor.ts';

type Row = Omit<ImageTable, 'id'> & { id: number };

function toRecord(row: Row): ImageRecord {
  return {
    ...row,
    fallbackType: row.fallbackType as ImageFallbackType,
    decorative: Number(row.decorative) === 1,
  };
}

function toRow<T extends Partial<ImageWrite>>(image: T) {
  const { decorative, ...rest } = image;
  return decorative === undefined ? rest : { ...rest, decorative: decorative ? 1 : 0 };
}

/** Images over Kysely: flags are 0/1 in both databases, booleans outside. */
export class ImagesRepo implements ImagesRepository {
  constructor(private readonly db: Executor) {}

  async insert(image: ImageWrite, at: string, tx?: Tx): Promise<ImageRecord> {
    const row = await dbOrTx(this.db, tx)
      .insertInto('images')
      .values({
        ...toRow(image),
        decorative: image.decorative ? 1 : 0,
        createdAt: at,
        updatedAt: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async find(id: number, tx?: Tx): Promise<ImageRecord | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('images')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async findMany(ids: readonly number[], tx?: Tx): Promise<ImageRecord[]> {
    if (ids.length === 0) return [];
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('images')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toRecord);
  }

  async ofPublication(publicationId: number, tx?: Tx): Promise<ImageRecord[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('images')
      .selectAll()
      .where('publicationId', '=', publicationId)
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  async photosOf(personIds: readonly number[], tx?: Tx): Promise<Map<number, ImageRecord>> {
    const photos = new Map<number, ImageRecord>();
    if (personIds.length === 0) return photos;
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('images')
      .selectAll()
      .where('personId', 'in', [...personIds])
      .orderBy('id')
      .execute();
    for (const row of rows) photos.set(row.personId!, toRecord(row));
    return photos;
  }

  async update(
    id: number,
    words: Parameters<ImagesRepository['update']>[1],
    at: string,
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('images')
      .set({ ...toRow(words), updatedAt: at })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: number, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx).deleteFrom('images').where('id', '=', id).execute();
  }
}
