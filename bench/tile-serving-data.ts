/**
 * The data folder the tile-serving benchmark serves: the demo archive on SQLite, with a
 * generated 4096 × 4096 GeoTIFF scene placed in the body of the Kyo-hwa-so No. 12 report and its
 * tiles made by the real scene job. Built once, cached in bench/.cache/ (a finished folder has its
 * `ready.json`); a folder left half-built by an interrupted run is built again.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledDemo } from '../src/cli/demo/load-demo.ts';
import { createContext } from '../src/context.ts';
import { cliActor } from '../src/core/actor.ts';
import type { Config } from '../src/core/config.ts';
import { addTestScene, utmScene } from '../test/support/scenes.ts';
import { CACHE } from './archives.ts';

/** Bump when the scene or the demo changes, so a stale folder is rebuilt. */
const DATA_VERSION = 1;
export const SCENE_SIZE = 4096;
const FLOOD_REPORT = {
  section: 'reports',
  slug: 'north-korea-flooding-at-kyo-hwa-so-no-12-jongo-ri',
};

export interface TileServingData {
  dataDir: string;
  databaseUrl: string;
  sceneId: number;
}

export async function ensureTileServingData(): Promise<TileServingData> {
  const dataDir = join(CACHE, `tile-serving-v${DATA_VERSION}`);
  const ready = join(dataDir, 'ready.json');
  const databasePath = join(dataDir, 'dossier.db');
  if (!existsSync(ready)) {
    const building = `${dataDir}.building`;
    rmSync(building, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const sceneId = await build(building);
    writeFileSync(join(building, 'ready.json'), JSON.stringify({ sceneId }));
    renameSync(building, dataDir);
  }
  const { sceneId } = JSON.parse(readFileSync(ready, 'utf8')) as { sceneId: number };
  return { dataDir, databaseUrl: `sqlite:${databasePath}`, sceneId };
}

async function build(dataDir: string): Promise<number> {
  process.stderr.write(`building the data folder (demo + a ${SCENE_SIZE}² scene)…\n`);
  const config: Config = {
    port: 0,
    dataDir,
    filesDir: join(dataDir, 'files'),
    database: { kind: 'sqlite', path: join(dataDir, 'dossier.db') },
    publicUrl: 'http://localhost',
  };
  const ctx = await createContext(config);
  try {
    await loadBundledDemo(ctx, cliActor());
    const section = await ctx.repos.sections.findBySlug(FLOOD_REPORT.section);
    const report =
      section && (await ctx.repos.publications.findBySlug(section.id, FLOOD_REPORT.slug));
    if (!report) throw new Error('the demo archive has no Kyo-hwa-so No. 12 report');
    const image = await addTestScene(ctx, report.id, {
      bytes: utmScene({ width: SCENE_SIZE, height: SCENE_SIZE }),
    });
    return image.id;
  } finally {
    await ctx.close();
  }
}
