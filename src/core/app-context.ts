import type { AuditTrail } from './audit-trail.ts';
import type { SourceCapturer } from './captures.ts';
import type { CdnPurger } from './cdn.ts';
import type { ChangeFeed } from './change-feed.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './database-handle.ts';
import type { ImageTools } from './image-ports.ts';
import type { ScanReader } from './ocr-ports.ts';
import type { PdfTools } from './pdf-ports.ts';
import type { Clock, FileStore, Transactor } from './ports.ts';
import type { RenderCache, SceneTileGate } from './render-cache.ts';
import type { Repositories } from './repositories.ts';
import type { SceneTools } from './scene-ports.ts';
import type { SearchEngine } from './search-engine.ts';
import type { TimestampAuthority } from './timestamps.ts';

/**
 * Everything a request, a command or a job needs, built once by the composition root
 * (src/context.ts). Services receive the parts they use from here; nothing reaches for globals.
 * Every part is a port declared in core, so that features and the web shell never see the
 * implementations behind them.
 */
export interface AppContext {
  config: Config;
  /** The database as such: which kind it is, and whether it answers. Queries go through `repos`. */
  db: DatabaseHandle;
  repos: Repositories;
  transactor: Transactor;
  files: FileStore;
  clock: Clock;
  /** Derived data (search index, caches) subscribes here to hear of every change. */
  changes: ChangeFeed;
  /** Every write records itself here; the entry also goes out on `changes`. */
  audit: AuditTrail;
  /** Full-text search; its indexer is subscribed to `changes`, so the index stays current. */
  search: SearchEngine;
  /** Reads and rewrites PDFs in limited child processes; they start on first use. */
  pdf: PdfTools;
  /** Makes the display copies of uploaded images. */
  images: ImageTools;
  /** Reads satellite scenes' files, makes their tiles and copies, and serves their tiles. */
  scenes: SceneTools;
  /** The render cache for anonymous pages; null unless a server turns it on (src/infra/render-cache/). */
  renderCache: RenderCache | null;
  /** With the render cache: which scenes are public, and hot tiles, so a tile costs no query. */
  tileGate: SceneTileGate | null;
  /** Captures cited sources, when `DOSSIER_CAPTURE_SOURCES` is on (core/captures.ts). */
  capturer?: SourceCapturer | null;
  /** Recognizes the text of scanned PDF pages (English and Korean); null where it cannot run. */
  ocr?: ScanReader | null;
  /** Purges a CDN in front of the archive, when `DOSSIER_CDN_PURGE_URL` names one (core/cdn.ts). */
  cdn?: CdnPurger | null;
  /** Stamps published records, when `DOSSIER_TSA_URL` names an authority (core/timestamps.ts). */
  timestamps?: TimestampAuthority | null;
  close(): Promise<void>;
}
