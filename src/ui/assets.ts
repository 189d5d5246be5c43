import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Static assets under fingerprinted names (/assets/site.3f2a9c1b.css), so they can be cached for
 * a year: a changed file gets a new name. Read once at start; the set is small and fixed.
 */
export interface Asset {
  path: string;
  body: Uint8Array;
  type: string;
  /** Subresource Integrity value, so a tampered copy (a CDN, a proxy) is refused by browsers. */
  integrity: string;
}

const require = createRequire(import.meta.url);
const own = (file: string) => fileURLToPath(new URL(`../../assets/${file}`, import.meta.url));

const SOURCES = {
  css: { name: 'site', file: own('site.css'), type: 'text/css; charset=utf-8' },
  icon: { name: 'icon', file: own('icon.svg'), type: 'image/svg+xml' },
  adminCss: { name: 'admin', file: own('admin.css'), type: 'text/css; charset=utf-8' },
  adminJs: { name: 'admin', file: own('admin.js'), type: 'text/javascript; charset=utf-8' },
  // The publication editor's helpers (contributors, slug, people, preview links) and its files.
  editorJs: { name: 'editor', file: own('editor.js'), type: 'text/javascript; charset=utf-8' },
  filesJs: { name: 'files', file: own('admin-files.js'), type: 'text/javascript; charset=utf-8' },
  // The passkey ceremony in the browser, served from this site like everything else.
  webauthnJs: {
    name: 'webauthn',
    // The package exports no path to its browser bundle; find it beside its package.json.
    file: join(
      dirname(require.resolve('@simplewebauthn/browser')),
      '../dist/bundle/index.umd.min.js',
    ),
    type: 'text/javascript; charset=utf-8',
  },
  // The deep-zoom viewer of scene pages (BSD-3-Clause), and the script that sets it up.
  openSeadragonJs: {
    name: 'openseadragon',
    file: join(dirname(require.resolve('openseadragon')), 'openseadragon.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  sceneViewerJs: {
    name: 'scene-viewer',
    file: own('scene-viewer.js'),
    type: 'text/javascript; charset=utf-8',
  },
} as const;

export type AssetName = keyof typeof SOURCES;
export type AssetManifest = Record<AssetName, Asset>;

let manifest: AssetManifest | undefined;

export function assetManifest(): AssetManifest {
  if (manifest) return manifest;
  const entries = Object.entries(SOURCES).map(([key, { name, file, type }]) => {
    const body = readFileSync(file);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const ext = file.split('.').pop();
    const integrity = `sha384-${createHash('sha384').update(body).digest('base64')}`;
    return [
      key,
      { path: `/assets/${name}.${hash}.${ext}`, body: new Uint8Array(body), type, integrity },
    ];
  });
  manifest = Object.fromEntries(entries) as AssetManifest;
  return manifest;
}
