import { ALL } from '../../core/cache-keys.ts';
import type { PublicTileFacts, RenderCache, SceneTileGate } from '../../core/render-cache.ts';

/** Tile bytes kept in memory: the overview tiles every reader asks for first stay hot. */
const DEFAULT_TILE_BYTES = 32 * 1024 * 1024;

/**
 * The scene tile gate over the render cache: its invalidations (from this process's writes and,
 * through its bus, from every other process's) drop what the gate knows, with the same keys
 * that drop a publication's cached page (`pub:<id>`), and everything on `all`.
 */
export class RenderCacheTileGate implements SceneTileGate {
  private readonly scenes = new Map<number, PublicTileFacts>();
  private readonly tiles = new Map<string, Uint8Array>();
  private tileBytes = 0;

  constructor(
    private readonly cache: RenderCache,
    private readonly maxTileBytes = DEFAULT_TILE_BYTES,
  ) {
    cache.onInvalidate((keys) => this.drop(keys));
  }

  get epoch(): number {
    return this.cache.epoch;
  }

  known(imageId: number): PublicTileFacts | undefined {
    return this.scenes.get(imageId);
  }

  remember(imageId: number, facts: PublicTileFacts, startEpoch: number): void {
    if (startEpoch === this.cache.epoch) this.scenes.set(imageId, facts);
  }

  bytes(sha256: string, tilePath: string): Uint8Array | undefined {
    const key = `${sha256}/${tilePath}`;
    const bytes = this.tiles.get(key);
    if (bytes) {
      this.tiles.delete(key);
      this.tiles.set(key, bytes);
    }
    return bytes;
  }

  keepBytes(sha256: string, tilePath: string, bytes: Uint8Array): void {
    if (bytes.byteLength * 4 > this.maxTileBytes) return;
    const key = `${sha256}/${tilePath}`;
    if (this.tiles.has(key)) return;
    this.tiles.set(key, bytes);
    this.tileBytes += bytes.byteLength;
    for (const [old, value] of this.tiles) {
      if (this.tileBytes <= this.maxTileBytes) break;
      this.tiles.delete(old);
      this.tileBytes -= value.byteLength;
    }
  }

  private drop(keys: readonly string[]): void {
    if (keys.includes(ALL)) {
      this.scenes.clear();
      return;
    }
    const publications = new Set(
      keys.filter((k) => k.startsWith('pub:')).map((k) => Number(k.slice(4))),
    );
    if (publications.size === 0) return;
    for (const [id, facts] of this.scenes) {
      if (publications.has(facts.publicationId)) this.scenes.delete(id);
    }
  }
}
