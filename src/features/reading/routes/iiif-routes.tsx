import { Readable } from 'node:stream';
import { type Context, Hono } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import { infoJson } from '../../../core/imagery.ts';
import { iiifPath, SCENE_EXTENSIONS, TILE_PATH, tileHeaders } from '../../../core/scenes.ts';
import { translator } from '../../../ui/i18n/translate.ts';
import { ErrorPage } from '../../../ui/pages/error-page.tsx';
import { renderPage } from '../../../ui/render-page.ts';
import { annotationPage } from '../iiif/annotation-page.ts';
import { sceneManifest } from '../iiif/manifest.ts';
import { findPublicScene } from '../loaders/public-scene.ts';
import { loadSceneCompare, loadScenePage } from '../loaders/scene-page.ts';
import { SceneComparePage } from '../views/scene-compare-page.tsx';
import { ScenePage } from '../views/scene-page.tsx';
import { pageContext } from './reading-context.ts';

const ID = ':id{[1-9][0-9]{0,9}}';
const IMAGE_CONTEXT = 'http://iiif.io/api/image/3/context.json';
const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

/** Its descriptions change with its annotations and its public address: revalidated. */
const JSON_CACHE = 'public, max-age=0, must-revalidate';

/**
 * Satellite scenes as IIIF: the level 0 image (`info.json` and its static tiles), a Presentation
 * 3 manifest, the annotations as a W3C Web Annotation page, the public download, and the pages
 * that show them (/iiif/{id}/, /ko/iiif/{id}/, and comparisons of two dates). Every answer checks
 * that the scene is public now; anything else is the site's 404, tiles included. IIIF clients
 * on other sites may read the JSON and the tiles (CORS and CORP allow it); nothing else here is
 * shared that way.
 */
export function iiifRoutes(app: AppContext): Hono {
  const iiif = new Hono();
  const now = () => app.clock.now();
  const base = (id: number) => `${app.config.publicUrl}${iiifPath.base(id)}`;
  const notFound = async (c: Context) =>
    renderPage(c, <ErrorPage ctx={await pageContext(app, c)} status={404} />, 404);
  const shared = (c: Context, cache: string) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Cache-Control', cache);
  };
  const ld = (c: Context, body: unknown, profile: string) => {
    shared(c, JSON_CACHE);
    c.header('Content-Type', `application/ld+json;profile="${profile}"`);
    return c.body(JSON.stringify(body));
  };

  // The image's base URI, which info.json names as its id: the spec asks for a 303 to info.json.
  iiif.get(`/iiif/${ID}`, async (c) => {
    const found = await findPublicScene(app.repos, Number(c.req.param('id')), now());
    if (!found) return notFound(c);
    return c.redirect(iiifPath.info(found.image.id), 303);
  });

  iiif.get(`/iiif/${ID}/info.json`, async (c) => {
    const found = await findPublicScene(app.repos, Number(c.req.param('id')), now());
    if (!found) return notFound(c);
    return ld(c, infoJson(found.scene.tiles, base(found.image.id)), IMAGE_CONTEXT);
  });

  iiif.get(`/iiif/${ID}/manifest.json`, async (c) => {
    const found = await findPublicScene(app.repos, Number(c.req.param('id')), now());
    if (!found) return notFound(c);
    const publication = await app.repos.publications.findById(found.image.publicationId!);
    const en = translator('en');
    const ko = translator('ko');
    const both = (key: Parameters<typeof en>[0]) => ({ en: en(key), ko: ko(key) });
    const manifest = sceneManifest({
      base: base(found.image.id),
      image: found.image,
      scene: found.scene,
      title: {
        en: found.image.caption ?? publication?.title ?? null,
        ko: found.image.captionKo,
      },
      illustrativeNote: both('scene.illustrative'),
      labels: {
        captured: both('scene.captured'),
        sensor: both('scene.sensor'),
        provider: both('scene.provider'),
        licence: both('scene.licence'),
        credit: both('scene.credit'),
      },
    });
    return ld(c, manifest, PRESENTATION_CONTEXT);
  });

  iiif.get(`/iiif/${ID}/annotations.json`, async (c) => {
    const found = await findPublicScene(app.repos, Number(c.req.param('id')), now());
    if (!found) return notFound(c);
    const annotations = await app.repos.scenes.annotationsOf([found.image.id]);
    return ld(c, annotationPage(base(found.image.id), annotations), PRESENTATION_CONTEXT);
  });

  iiif.on(['GET', 'HEAD'], `/iiif/${ID}/:file{scene\\.(?:tif|jpg|png|webp)}`, async (c) => {
    const ext = c.req.param('file').slice('scene.'.length);
    const found = await findPublicScene(app.repos, Number(c.req.param('id')), now());
    const copies = found && (await app.repos.files.derivativesOf(found.image.storedFileId));
    const copy = copies?.find((d) => d.purpose === 'scene-download');
    const file = copy && (await app.repos.files.findStoredFile(copy.fileId));
    if (!found || !file || SCENE_EXTENSIONS[file.mediaType] !== ext) {
      return notFound(c);
    }
    const headers = {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.byteSize),
      'Content-Disposition': `attachment; filename="scene-${found.image.id}.${ext}"`,
      ETag: `"${file.sha256}"`,
      'Cache-Control': JSON_CACHE,
    };
    if (c.req.header('If-None-Match') === headers.ETag) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    const stream = Readable.toWeb(Readable.from(app.files.read(file.sha256)));
    return c.body(stream as ReadableStream<Uint8Array>, 200, headers);
  });

  iiif.on(['GET', 'HEAD'], `/iiif/${ID}/*`, async (c, next) => {
    const id = Number(c.req.param('id'));
    const tilePath = c.req.path.slice(`/iiif/${id}/`.length);
    if (!TILE_PATH.test(tilePath)) return next();
    const facts = await publicTile(id);
    const bytes =
      facts &&
      (app.tileGate?.bytes(facts.sha256, tilePath) ??
        (await app.scenes.readTile(facts.sha256, tilePath)));
    if (!facts || !bytes) return notFound(c);
    app.tileGate?.keepBytes(facts.sha256, tilePath, bytes);
    const headers = tileHeaders(id, facts.sha256, tilePath, bytes.byteLength);
    if (c.req.header('If-None-Match') === headers.etag) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, headers);
  });

  /**
   * Whether a scene's tiles may be served: from the gate while nothing it depends on changed,
   * else from the one visibility rule (and then remembered).
   */
  async function publicTile(id: number) {
    const gate = app.tileGate;
    const known = gate?.known(id);
    if (known) return known;
    const epoch = gate?.epoch ?? 0;
    const found = await findPublicScene(app.repos, id, now());
    const file = found && (await app.repos.files.findStoredFile(found.image.storedFileId));
    if (!found || !file) return undefined;
    const facts = { sha256: file.sha256, publicationId: found.image.publicationId! };
    gate?.remember(id, facts, epoch);
    return facts;
  }

  for (const prefix of ['', '/ko']) {
    iiif.get(`${prefix}/iiif/${ID}/`, async (c) => {
      const view = await loadScenePage(app.repos, Number(c.req.param('id')), now());
      if (!view) return notFound(c);
      return renderPage(c, <ScenePage ctx={await pageContext(app, c)} view={view} />);
    });
    iiif.get(`${prefix}/iiif/:a{[1-9][0-9]{0,9}}/compare/:b{[1-9][0-9]{0,9}}/`, async (c) => {
      const a = Number(c.req.param('a'));
      const b = Number(c.req.param('b'));
      // One address per pair, the lower id first, so the static export has one file for each.
      if (a >= b) return notFound(c);
      const view = await loadSceneCompare(app.repos, a, b, now());
      if (!view) return notFound(c);
      return renderPage(c, <SceneComparePage ctx={await pageContext(app, c)} view={view} />);
    });
  }
  return iiif;
}
