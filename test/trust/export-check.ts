import { join } from 'node:path';
import { buildStaticSite } from '../../src/static-export/build-static-site.ts';
import { exportedFiles } from '../static-export/export-files.ts';
import { checkExportedImages } from './image-surfaces.ts';
import { MARKER_PATTERN } from './markers.ts';
import { isPublic, type Model } from './model.ts';
import { markerRules } from './visibility-rules.ts';
import { PUBLIC_URL, type World } from './world.ts';

const BINARY = /\.(?:pdf|wasm|png|jpe?g|webp|avif|woff2?|ico)$/;

/**
 * Builds the static export (into the same folder each time, as `dossier build` is run again on
 * a host: incremental, so a piece that went out of view must be removed) and reads every file:
 * names, pages, feeds, sitemaps and the search index.
 */
export async function checkStaticExport(
  world: World,
  m: Model,
  report: (message: string) => void,
): Promise<void> {
  const out = join(world.dir, 'export');
  const built = await buildStaticSite(world.ctx, out);
  for (const url of built.failed) report(`the export could not render ${url}`);
  const files = exportedFiles(out);
  const now = world.now();
  const rules = markerRules(m, now);
  const told = new Set<string>();
  for (const [path, bytes] of files) {
    // An image's bytes are read too: what its metadata might still say is text.
    const content = path.startsWith('images/')
      ? bytes.toString('latin1')
      : BINARY.test(path)
        ? ''
        : bytes.toString('utf8');
    const text = `${path} ${content}`;
    for (const [word] of text.matchAll(MARKER_PATTERN)) {
      const rule = rules.get(word);
      if (!rule || rule.kind === 'public' || rule.kind === 'unchecked' || told.has(word)) continue;
      // A tombstone is not exported (a static host cannot answer 410), but its own folder may be.
      if (
        rule.kind === 'tombstone' &&
        rule.pieces.some((p) =>
          path.replace(/^ko\//, '').startsWith(`${p.section}/${p.slug.word}/`),
        )
      ) {
        continue;
      }
      told.add(word);
      report(`LEAK: the static export's ${path} holds ${rule.what}`);
    }
  }
  checkExportedImages(files, m, now, report);
  const fragments = [...files]
    .filter(([path]) => path.startsWith('pagefind/fragment/'))
    .map(([, bytes]) => bytes.toString('utf8'))
    .join('\n');
  const sitemaps = [...files]
    .filter(([path]) => /^sitemap[^/]*\.xml$/.test(path))
    .map(([, bytes]) => bytes.toString('utf8'))
    .join('\n');
  for (const p of m.pieces) {
    const folder = `${p.section}/${p.slug.word}/`;
    const page = files.get(`${folder}index.html`)?.toString('utf8');
    if (!isPublic(p, now)) {
      if (page !== undefined) report(`LEAK: the static export still holds ${folder} (${p.status})`);
      continue;
    }
    if (!page?.includes(p.title.word)) report(`the static export lacks the page of ${folder}`);
    if (!files.get(`ko/${folder}index.html`)?.toString('utf8').includes(p.title.word)) {
      report(`the static export lacks the Korean page of ${folder}`);
    }
    if (!fragments.includes(p.body.word)) report(`the export's search index lacks ${folder}`);
    if (!sitemaps.includes(`${PUBLIC_URL}/${folder}`))
      report(`the export's sitemap lacks ${folder}`);
  }
}
