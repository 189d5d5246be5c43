/**
 * The newest tiling figures (bench/tiles.ts writes them), for the page benchmark's report: tiling
 * a 20,000 × 20,000 scene takes minutes, so `npm run bench` reads them instead of measuring.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS } from './archives.ts';

export interface TilesResult {
  source: string | null;
  megapixels?: number;
  dossierMegapixelsPerSecond?: number;
  vipsMegapixelsPerSecond?: number;
  ratio?: number;
  dossierPeakRssBytes?: number;
}

export function readTilesResult(): TilesResult {
  let files: string[] = [];
  try {
    files = readdirSync(RESULTS)
      .filter((f) => /^tiles-.*\.json$/.test(f))
      .sort((a, b) => statSync(join(RESULTS, a)).mtimeMs - statSync(join(RESULTS, b)).mtimeMs);
  } catch {
    // No results yet.
  }
  const newest = files.at(-1);
  if (!newest) return { source: null };
  const data = JSON.parse(readFileSync(join(RESULTS, newest), 'utf8')) as Omit<
    TilesResult,
    'source' | 'megapixels'
  > & { scene?: { megapixels?: number } };
  return {
    source: newest,
    megapixels: data.scene?.megapixels,
    dossierMegapixelsPerSecond: data.dossierMegapixelsPerSecond,
    vipsMegapixelsPerSecond: data.vipsMegapixelsPerSecond,
    ratio: data.ratio,
    dossierPeakRssBytes: data.dossierPeakRssBytes,
  };
}

export function tilesLine(r: TilesResult): string {
  if (!r.source || r.ratio === undefined) return 'tiles: not measured (npx tsx bench/tiles.ts)';
  const mb = Math.round((r.dossierPeakRssBytes ?? 0) / 1024 / 1024);
  return `tiles: ${r.megapixels} MP scene, Dossier ${r.dossierMegapixelsPerSecond?.toFixed(1)} MP/s, vips dzsave ${r.vipsMegapixelsPerSecond?.toFixed(1)} MP/s, ratio ${r.ratio.toFixed(2)}, peak RSS ${mb} MB (${r.source})`;
}
