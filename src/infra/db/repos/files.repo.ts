import type { Attachment, StoredFile } from '../../../core/entities.ts';
import type { StoredBlob, Tx } from '../../../core/ports.ts';
import type {
  FileDerivative,
  FilesRepository,
} from '../../../core/repositories/files-repository.ts';
import type { FileDerivativeTable, StoredFileTable } from '../database.ts';
import { dbOrTx, type Executor } from '../executor.ts';

type FileRow = Omit<StoredFileTable, 'id'> & { id: number };

const ATTACHMENT_COLUMNS = [
  'id',
  'publicationId',
  'storedFileId',
  'role',
  'fileName',
  'title',
  'altText',
  'caption',
  'credit',
  'position',
] as const;

function toStoredFile(row: FileRow): StoredFile {
  return { ...row, metadata: row.metadata ? JSON.parse(row.metadata) : null };
}

/** Stored files (one row per distinct content) and the attachments that place them. */
export class FilesRepo implements FilesRepository {
  constructor(private readonly db: Executor) {}

  /** The row for these bytes, made on first sight; the same bytes always give the same row. */
  async ensureStoredFile(blob: StoredBlob, at: string, tx?: Tx): Promise<StoredFile> {
    const db = dbOrTx(this.db, tx);
    await db
      .insertInto('storedFiles')
      .values({ ...blob, extractionStatus: 'none', createdAt: at })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    const row = await db
      .selectFrom('storedFiles')
      .selectAll()
      .where('sha256', '=', blob.sha256)
      .executeTakeFirstOrThrow();
    return toStoredFile(row);
  }

  async findStoredFile(id: number, tx?: Tx): Promise<StoredFile | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('storedFiles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toStoredFile(row) : undefined;
  }

  async updateStoredFile(
    id: number,
    changes: Partial<
      Pick<StoredFile, 'pageCount' | 'extractionStatus' | 'extractionError' | 'metadata'>
    >,
    tx?: Tx,
  ): Promise<void> {
    const { metadata, ...rest } = changes;
    await dbOrTx(this.db, tx)
      .updateTable('storedFiles')
      .set({ ...rest, ...(metadata !== undefined ? { metadata: JSON.stringify(metadata) } : {}) })
      .where('id', '=', id)
      .execute();
  }

  async listStoredFiles(tx?: Tx): Promise<StoredFile[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('storedFiles')
      .selectAll()
      .orderBy('id')
      .execute();
    return rows.map(toStoredFile);
  }

  async attach(a: Omit<Attachment, 'id'>, at: string, tx?: Tx): Promise<Attachment> {
    return dbOrTx(this.db, tx)
      .insertInto('attachments')
      .values({ ...a, createdAt: at })
      .returning(ATTACHMENT_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  async findAttachment(id: number, tx?: Tx): Promise<Attachment | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('attachments')
      .select(ATTACHMENT_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Alt text, caption and credit: the words that travel with a file. */
  async describeAttachment(
    id: number,
    text: Partial<Pick<Attachment, 'altText' | 'caption' | 'credit' | 'title'>>,
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx).updateTable('attachments').set(text).where('id', '=', id).execute();
  }

  /** Points an attachment at other bytes (a cleaned copy), keeping its name and place. */
  async replaceAttachmentFile(id: number, storedFileId: number, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('attachments')
      .set({ storedFileId })
      .where('id', '=', id)
      .execute();
  }

  /** The publications a stored file is attached to. */
  async publicationsUsing(storedFileId: number, tx?: Tx): Promise<number[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('attachments')
      .select('publicationId')
      .distinct()
      .where('storedFileId', '=', storedFileId)
      .execute();
    return rows.map((r) => r.publicationId);
  }

  /** How many attachments and derivatives still use a stored file. */
  async usesOf(storedFileId: number, tx?: Tx): Promise<number> {
    const db = dbOrTx(this.db, tx);
    const a = await db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('storedFileId', '=', storedFileId)
      .executeTakeFirstOrThrow();
    const d = await db
      .selectFrom('fileDerivatives')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('fileId', '=', storedFileId)
      .executeTakeFirstOrThrow();
    return Number(a.n) + Number(d.n);
  }

  /**
   * Deletes a stored file's row with its pages and derivative records. The caller checks that
   * nothing uses it and removes the bytes after the transaction commits.
   */
  async deleteStoredFile(id: number, tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('fileDerivatives').where('sourceFileId', '=', id).execute();
    await db.deleteFrom('pdfPages').where('storedFileId', '=', id).execute();
    await db.deleteFrom('storedFiles').where('id', '=', id).execute();
  }

  async addDerivative(
    d: Omit<FileDerivativeTable, 'id' | 'createdAt'>,
    at: string,
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('fileDerivatives')
      .values({ ...d, createdAt: at })
      .onConflict((oc) =>
        oc.columns(['sourceFileId', 'purpose', 'mediaType', 'width']).doUpdateSet({
          fileId: d.fileId,
          height: d.height,
          createdAt: at,
        }),
      )
      .execute();
  }

  async derivativesOf(sourceFileId: number, tx?: Tx): Promise<FileDerivative[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('fileDerivatives as d')
      .innerJoin('storedFiles as f', 'f.id', 'd.fileId')
      .select([
        'd.id',
        'd.sourceFileId',
        'd.fileId',
        'd.purpose',
        'd.mediaType',
        'd.width',
        'd.height',
        'd.createdAt',
        'f.sha256',
      ])
      .where('d.sourceFileId', '=', sourceFileId)
      .orderBy('d.purpose')
      .orderBy('d.mediaType')
      .orderBy('d.width')
      .execute();
  }

  async pagesOf(storedFileId: number, tx?: Tx): Promise<string[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('pdfPages')
      .select('text')
      .where('storedFileId', '=', storedFileId)
      .orderBy('pageNumber')
      .execute();
    return rows.map((r) => r.text);
  }

  async attachmentsOf(
    publicationIds: readonly number[],
    tx?: Tx,
  ): Promise<Array<Attachment & { file: StoredFile }>> {
    if (publicationIds.length === 0) return [];
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('attachments as a')
      .innerJoin('storedFiles as f', 'f.id', 'a.storedFileId')
      .select([
        'a.id',
        'a.publicationId',
        'a.storedFileId',
        'a.role',
        'a.fileName',
        'a.title',
        'a.altText',
        'a.caption',
        'a.credit',
        'a.position',
        'f.sha256',
        'f.byteSize',
        'f.mediaType',
        'f.pageCount',
        'f.extractionStatus',
        'f.extractionError',
        'f.metadata',
        'f.createdAt',
      ])
      .where('a.publicationId', 'in', [...publicationIds])
      .orderBy('a.publicationId')
      .orderBy('a.position')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      publicationId: r.publicationId,
      storedFileId: r.storedFileId,
      role: r.role,
      fileName: r.fileName,
      title: r.title,
      altText: r.altText,
      caption: r.caption,
      credit: r.credit,
      position: r.position,
      file: toStoredFile({
        id: r.storedFileId,
        sha256: r.sha256,
        byteSize: r.byteSize,
        mediaType: r.mediaType,
        pageCount: r.pageCount,
        extractionStatus: r.extractionStatus,
        extractionError: r.extractionError,
        metadata: r.metadata,
        createdAt: r.createdAt,
      }),
    }));
  }

  async replacePages(storedFileId: number, pages: readonly string[], tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('pdfPages').where('storedFileId', '=', storedFileId).execute();
    // Batches keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < pages.length; i += 200) {
      await db
        .insertInto('pdfPages')
        .values(
          pages.slice(i, i + 200).map((text, j) => ({ storedFileId, pageNumber: i + j + 1, text })),
        )
        .execute();
    }
  }
}
