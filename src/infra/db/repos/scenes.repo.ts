import type { FootprintPolygon, SceneTiles } from '../../../core/imagery.ts';
import type { Tx } from '../../../core/ports.ts';
import type { ScenesRepository } from '../../../core/repositories/scenes-repository.ts';
import type { AnnotationShape, SceneAnnotation, SceneRecord } from '../../../core/scenes.ts';
import type { SceneAnnotationTable, SceneTable } from '../database.ts';
import { dbOrTx, type Executor } from '../executor.ts';

type SceneRow = SceneTable;
type AnnotationRow = Omit<SceneAnnotationTable, 'id'> & { id: number };

const parse = <T>(json: string | null): T | null =>
  json === null ? null : (JSON.parse(json) as T);

function toScene(row: SceneRow, placeIds: number[]): SceneRecord {
  return {
    imageId: row.imageId,
    sensor: row.sensor,
    provider: row.provider,
    licence: row.licence,
    illustrative: Number(row.illustrative) === 1,
    footprint: parse<FootprintPolygon>(row.footprint),
    footprintCrs: row.footprintCrs,
    tiles: parse<SceneTiles>(row.tiles),
    downloadSha256: row.downloadSha256,
    placeIds,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toAnnotation(row: AnnotationRow): SceneAnnotation {
  return {
    id: row.id,
    imageId: row.imageId,
    number: row.number,
    shape: row.shape as AnnotationShape,
    points: JSON.parse(row.points) as Array<[number, number]>,
    label: row.label,
    labelKo: row.labelKo,
    note: row.note,
    noteKo: row.noteKo,
  };
}

/** Scenes over Kysely: a scene row, its places in order, and its numbered annotations. */
export class ScenesRepo implements ScenesRepository {
  constructor(private readonly db: Executor) {}

  async save(
    imageId: number,
    facts: Parameters<ScenesRepository['save']>[1],
    at: string,
    tx?: Tx,
  ): Promise<void> {
    const db = dbOrTx(this.db, tx);
    const { placeIds, illustrative, ...words } = facts;
    const values = { ...words, illustrative: illustrative ? (1 as const) : (0 as const) };
    await db
      .insertInto('scenes')
      .values({ imageId, ...values, createdAt: at, updatedAt: at })
      .onConflict((oc) => oc.column('imageId').doUpdateSet({ ...values, updatedAt: at }))
      .execute();
    await db.deleteFrom('scenePlaces').where('imageId', '=', imageId).execute();
    const unique = [...new Set(placeIds)];
    if (unique.length > 0) {
      await db
        .insertInto('scenePlaces')
        .values(unique.map((placeId, position) => ({ imageId, placeId, position })))
        .execute();
    }
  }

  async find(imageId: number, tx?: Tx): Promise<SceneRecord | undefined> {
    return (await this.findMany([imageId], tx))[0];
  }

  async findMany(imageIds: readonly number[], tx?: Tx): Promise<SceneRecord[]> {
    if (imageIds.length === 0) return [];
    const db = dbOrTx(this.db, tx);
    const rows = await db
      .selectFrom('scenes')
      .selectAll()
      .where('imageId', 'in', [...imageIds])
      .orderBy('imageId')
      .execute();
    const places = await db
      .selectFrom('scenePlaces')
      .select(['imageId', 'placeId'])
      .where('imageId', 'in', [...imageIds])
      .orderBy('imageId')
      .orderBy('position')
      .execute();
    return rows.map((row) =>
      toScene(
        row,
        places.filter((p) => p.imageId === row.imageId).map((p) => p.placeId),
      ),
    );
  }

  async originals(tx?: Tx) {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('scenes')
      .innerJoin('images', 'images.id', 'scenes.imageId')
      .innerJoin('storedFiles', 'storedFiles.id', 'images.storedFileId')
      .select(['scenes.imageId', 'images.publicationId', 'storedFiles.sha256', 'scenes.tiles'])
      .orderBy('scenes.imageId')
      .execute();
    return rows.map((r) => ({
      imageId: r.imageId,
      publicationId: Number(r.publicationId),
      sha256: r.sha256,
      tiled: r.tiles !== null,
    }));
  }

  async clearTiles(imageId: number, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('scenes')
      .set({ tiles: null, updatedAt: at })
      .where('imageId', '=', imageId)
      .execute();
  }

  async idsShowing(placeIds: readonly number[], tx?: Tx): Promise<number[]> {
    if (placeIds.length === 0) return [];
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('scenePlaces')
      .select('imageId')
      .distinct()
      .where('placeId', 'in', [...placeIds])
      .orderBy('imageId')
      .execute();
    return rows.map((r) => r.imageId);
  }

  async setFootprint(
    imageId: number,
    footprint: { polygon: FootprintPolygon; crs: string } | null,
    at: string,
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('scenes')
      .set({
        footprint: footprint ? JSON.stringify(footprint.polygon) : null,
        footprintCrs: footprint?.crs ?? null,
        updatedAt: at,
      })
      .where('imageId', '=', imageId)
      .execute();
  }

  async setTiles(
    imageId: number,
    tiles: SceneTiles,
    downloadSha256: string,
    at: string,
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('scenes')
      .set({ tiles: JSON.stringify(tiles), downloadSha256, updatedAt: at })
      .where('imageId', '=', imageId)
      .execute();
  }

  async annotationsOf(imageIds: readonly number[], tx?: Tx): Promise<SceneAnnotation[]> {
    if (imageIds.length === 0) return [];
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('sceneAnnotations')
      .selectAll()
      .where('imageId', 'in', [...imageIds])
      .orderBy('imageId')
      .orderBy('number')
      .execute();
    return rows.map(toAnnotation);
  }

  async addAnnotation(
    imageId: number,
    shape: { shape: AnnotationShape; points: Array<[number, number]> },
    words: Parameters<ScenesRepository['addAnnotation']>[2],
    at: string,
    tx?: Tx,
  ): Promise<SceneAnnotation> {
    const db = dbOrTx(this.db, tx);
    const last = await db
      .selectFrom('sceneAnnotations')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('imageId', '=', imageId)
      .executeTakeFirst();
    const row = await db
      .insertInto('sceneAnnotations')
      .values({
        imageId,
        number: Number(last?.n ?? 0) + 1,
        shape: shape.shape,
        points: JSON.stringify(shape.points),
        ...words,
        createdAt: at,
        updatedAt: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAnnotation(row);
  }

  async updateAnnotation(
    id: number,
    change: Parameters<ScenesRepository['updateAnnotation']>[1],
    at: string,
    tx?: Tx,
  ): Promise<void> {
    const { points, ...rest } = change;
    await dbOrTx(this.db, tx)
      .updateTable('sceneAnnotations')
      .set({ ...rest, ...(points ? { points: JSON.stringify(points) } : {}), updatedAt: at })
      .where('id', '=', id)
      .execute();
  }

  async deleteAnnotation(id: number, tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    const gone = await db
      .deleteFrom('sceneAnnotations')
      .where('id', '=', id)
      .returning(['imageId', 'number'])
      .executeTakeFirst();
    if (!gone) return;
    const later = await db
      .selectFrom('sceneAnnotations')
      .select(['id', 'number'])
      .where('imageId', '=', gone.imageId)
      .where('number', '>', gone.number)
      .orderBy('number')
      .execute();
    // One at a time, lowest first, so the unique (scene, number) index never sees two alike.
    for (const a of later) {
      await db
        .updateTable('sceneAnnotations')
        .set({ number: a.number - 1 })
        .where('id', '=', a.id)
        .execute();
    }
  }
}
