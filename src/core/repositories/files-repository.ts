import type { Attachment, StoredFile } from '../entities.ts';
import type { StoredBlob, Tx } from '../ports.ts';

/** A file made from another: a thumbnail or a resized copy (migration 0004). */
export interface FileDerivativeRow {
  id: number;
  sourceFileId: number;
  fileId: number;
  purpose: 'thumbnail' | 'display' | 'scene-download';
  mediaType: string;
  width: number;
  height: number;
  createdAt: string;
}

/** A derivative with the hash of its bytes, which name the stored file. */
export type FileDerivative = FileDerivativeRow & {
  sha256: string;
};

/** Stored files (one row per distinct content) and the attachments that place them. */
export interface FilesRepository {
  /** The row for these bytes, made on first sight; the same bytes always give the same row. */
  ensureStoredFile(blob: StoredBlob, at: string, tx?: Tx): Promise<StoredFile>;
  findStoredFile(id: number, tx?: Tx): Promise<StoredFile | undefined>;
  updateStoredFile(
    id: number,
    changes: Partial<
      Pick<StoredFile, 'pageCount' | 'extractionStatus' | 'extractionError' | 'metadata'>
    >,
    tx?: Tx,
  ): Promise<void>;
  listStoredFiles(tx?: Tx): Promise<StoredFile[]>;
  attach(a: Omit<Attachment, 'id'>, at: string, tx?: Tx): Promise<Attachment>;
  findAttachment(id: number, tx?: Tx): Promise<Attachment | undefined>;
  /** Alt text, caption and credit: the words that travel with a file. */
  describeAttachment(
    id: number,
    text: Partial<Pick<Attachment, 'altText' | 'caption' | 'credit' | 'title'>>,
    tx?: Tx,
  ): Promise<void>;
  /** Points an attachment at other bytes (a cleaned copy), keeping its name and place. */
  replaceAttachmentFile(id: number, storedFileId: number, tx?: Tx): Promise<void>;
  /** The publications a stored file is attached to. */
  publicationsUsing(storedFileId: number, tx?: Tx): Promise<number[]>;
  /** How many attachments and derivatives still use a stored file. */
  usesOf(storedFileId: number, tx?: Tx): Promise<number>;
  /**
   * Deletes a stored file's row with its pages and derivative records. The caller checks that
   * nothing uses it and removes the bytes after the transaction commits.
   */
  deleteStoredFile(id: number, tx?: Tx): Promise<void>;
  addDerivative(d: Omit<FileDerivativeRow, 'id' | 'createdAt'>, at: string, tx?: Tx): Promise<void>;
  derivativesOf(sourceFileId: number, tx?: Tx): Promise<FileDerivative[]>;
  pagesOf(storedFileId: number, tx?: Tx): Promise<string[]>;
  attachmentsOf(
    publicationIds: readonly number[],
    tx?: Tx,
  ): Promise<
    Array<
      Attachment & {
        file: StoredFile;
      }
    >
  >;
  replacePages(storedFileId: number, pages: readonly string[], tx?: Tx): Promise<void>;
}
