import type { ImageRecord } from '../images.ts';
import type { Tx } from '../ports.ts';

export type ImageWrite = Omit<ImageRecord, 'id' | 'createdAt' | 'updatedAt'>;

/** The `images` table (migration 0096): one record per figure, photo or scene. */
export interface ImagesRepository {
  insert(image: ImageWrite, at: string, tx?: Tx): Promise<ImageRecord>;
  find(id: number, tx?: Tx): Promise<ImageRecord | undefined>;
  findMany(ids: readonly number[], tx?: Tx): Promise<ImageRecord[]>;
  /** A publication's figures, oldest first. */
  ofPublication(publicationId: number, tx?: Tx): Promise<ImageRecord[]>;
  /** The photo of each person given who has one (the newest, if several were uploaded). */
  photosOf(personIds: readonly number[], tx?: Tx): Promise<Map<number, ImageRecord>>;
  update(
    id: number,
    words: Partial<Omit<ImageWrite, 'storedFileId' | 'width' | 'height' | 'fallbackType'>>,
    at: string,
    tx?: Tx,
  ): Promise<void>;
  delete(id: number, tx?: Tx): Promise<void>;
}
