import type { Crawled } from './anonymous-crawl.ts';
import {
  figureIsPublic,
  IMAGE_COPY_WIDTHS,
  type Marker,
  type Model,
  type Piece,
  publicNames,
} from './model.ts';

type Report = (message: string) => void;

/**
 * The images of the model as the public may meet them: each display copy's address
 * (/images/{id}/{width}.{avif|webp|jpg|png}), whether it must answer, and the pages that must
 * show it with its words.
 */
interface ImageFacts {
  id: number;
  shown: boolean;
  /** The format of the copies for browsers without AVIF or WebP. */
  fallback: 'jpg' | 'png';
  /** The pages that show it while it is shown, and the words they show with it. */
  pages: string[];
  words: Marker[];
  what: string;
  /** A satellite scene: its files under /iiif/{id}/ follow the same rule. */
  scene: Marker | null;
}

const IMAGE_PATH = /^\/images\/(\d+)\/(\d+)\.(avif|webp|jpg|png)$/;
const IIIF_PATH = /^(?:\/ko)?\/iiif\/(\d+)\/(.*)$/;
/** The files a scene has: its descriptions, its download, its page, and its tiles. */
const IIIF_RESOURCE =
  /^(?:info\.json|manifest\.json|annotations\.json|scene\.tif|)$|^(?:full|\d+,\d+,\d+,\d+)\/\d+,\d*\/0\/default\.jpg$/;
/** What each file of a scene is served as; its page is HTML. */
const IIIF_TYPES: Array<[RegExp, string]> = [
  [/\.json$/, 'application/ld+json'],
  [/default\.jpg$/, 'image/jpeg'],
  [/^scene\.tif$/, 'image/tiff'],
  [/^$/, 'text/html'],
];
/**
 * The files of a 640×480 scene, as its level 0 tiles are laid out at 512 px: a tile at full
 * size, the whole image at half size, its descriptions, its download and its pages.
 */
const sceneFiles = (id: number, few: boolean) =>
  few
    ? [`/iiif/${id}/info.json`, `/iiif/${id}/full/320,240/0/default.jpg`]
    : [
        `/iiif/${id}/info.json`,
        `/iiif/${id}/manifest.json`,
        `/iiif/${id}/annotations.json`,
        `/iiif/${id}/scene.tif`,
        `/iiif/${id}/`,
        `/ko/iiif/${id}/`,
        `/iiif/${id}/full/320,240/0/default.jpg`,
        `/iiif/${id}/0,0,512,480/512,480/0/default.jpg`,
      ];
const TYPE_OF = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' };
/** Wider than any image the test uploads: no copy is ever made at this width. */
const NO_COPY_WIDTH = 960;

const stateOf = (p: Piece) =>
  p.purged
    ? 'purged'
    : p.trashedAt
      ? 'in the trash'
      : `${p.status}${p.publishedAt ? ` from ${p.publishedAt}` : ''}${p.embargoUntil ? ` under embargo to ${p.embargoUntil}` : ''}`;

function imagesOf(m: Model, now: string): ImageFacts[] {
  const out: ImageFacts[] = [];
  for (const p of m.pieces) {
    const folder = `/${p.section}/${p.slug.word}/`;
    for (const f of p.figures) {
      out.push({
        id: f.id,
        shown: figureIsPublic(p, f, now),
        fallback: 'jpg',
        pages: [folder, `/ko${folder}`],
        words: [f.alt, f.caption],
        scene: f.scene?.annotation ?? null,
        what: `image ${f.id}, a ${f.scene ? 'scene' : 'figure'} of ${p.slug.word} (${f.placed ? 'placed' : 'not placed'}; ${stateOf(p)})`,
      });
    }
  }
  const people = publicNames(m, now).people;
  m.people.forEach((n, i) => {
    n.photos.forEach((photo, k) => {
      const current = k === n.photos.length - 1;
      out.push({
        id: photo.id,
        shown: current && people.has(i),
        fallback: 'png',
        pages: [`/people/${n.slugText}/`, `/ko/people/${n.slugText}/`],
        words: [photo.alt, photo.credit],
        scene: null,
        what: `image ${photo.id}, ${current ? 'the' : 'a replaced'} photo of ${n.slug.word} (${people.has(i) ? 'with' : 'without'} public work)`,
      });
    });
  });
  return out;
}

/**
 * Addresses to ask for directly, whatever the pages link to: a copy in each format, and one at
 * a width no copy has. `few` asks for one copy of each image (a reader's glance).
 */
export function imageProbes(m: Model, few = false): string[] {
  const ids = [
    ...m.pieces.flatMap((p) => p.figures.map((f) => ({ id: f.id, fallback: 'jpg' }))),
    ...m.people.flatMap((n) => n.photos.map((p) => ({ id: p.id, fallback: 'png' }))),
  ];
  const scenes = m.pieces.flatMap((p) => p.figures.filter((f) => f.scene).map((f) => f.id));
  return [
    ...scenes.flatMap((id) => sceneFiles(id, few)),
    ...ids.flatMap(({ id, fallback }) =>
      few
        ? [`/images/${id}/480.webp`]
        : [
            `/images/${id}/480.avif`,
            `/images/${id}/640.webp`,
            `/images/${id}/480.${fallback}`,
            `/images/${id}/${NO_COPY_WIDTH}.${fallback}`,
          ],
    ),
  ];
}

/**
 * Both directions, for images: every copy asked for answers exactly when the model shows its
 * image, in its own format; no page names an image the public may not see; each shown image is
 * on its pages with its words.
 */
export function checkImages(
  byPath: Map<string, Crawled>,
  pages: Crawled[],
  m: Model,
  now: string,
  report: Report,
): void {
  const images = new Map(imagesOf(m, now).map((i) => [i.id, i]));
  for (const page of pages) {
    const copy = IMAGE_PATH.exec(page.path);
    if (copy) {
      const image = images.get(Number(copy[1]));
      const exists = IMAGE_COPY_WIDTHS.some((w) => w === Number(copy[2]));
      const want = image?.shown && exists ? 200 : 404;
      const what = image?.what ?? 'an image the model does not know';
      if (page.status !== want) {
        report(
          `${want === 404 ? 'LEAK: ' : ''}${page.path} answers ${page.status}, expected ${want} for ${what}`,
        );
      } else if (want === 200 && page.type !== TYPE_OF[copy[3] as keyof typeof TYPE_OF]) {
        report(`${page.path} is served as ${page.type}`);
      }
      continue;
    }
    const file = IIIF_PATH.exec(page.path);
    if (file) {
      const image = images.get(Number(file[1]));
      const shown = Boolean(image?.shown && image.scene);
      // A manifest's canvas and annotation ids are names, not files: none need answer, but
      // nothing of a scene the public may not see may answer 200.
      if (!IIIF_RESOURCE.test(file[2]!)) {
        if (page.status === 200 && !shown) {
          report(`LEAK: ${page.path} answers 200 for ${image?.what ?? 'an unknown image'}`);
        }
        continue;
      }
      const want = shown ? 200 : 404;
      const what = image?.what ?? 'an image the model does not know';
      const type = IIIF_TYPES.find(([pattern]) => pattern.test(file[2]!))?.[1];
      if (page.status !== want) {
        report(
          `${want === 404 ? 'LEAK: ' : ''}${page.path} answers ${page.status}, expected ${want} for ${what}`,
        );
      } else if (want === 200 && type && !page.type.startsWith(type)) {
        report(`${page.path} is served as ${page.type}, expected ${type}`);
      }
      if (want === 200 && (file[2] === '' || file[2] === 'annotations.json')) {
        if (!page.body.includes(image!.scene!.word)) {
          report(`${page.path} does not show the annotation ${image!.scene!.word} of ${what}`);
        }
      }
      if (page.status !== 200 || !/html/.test(page.type)) continue;
    }
    if (page.status !== 200 || !/html|xml|json/.test(page.type)) continue;
    const named = new Set(
      [...page.body.matchAll(/\/(?:images|iiif)\/(\d+)\//g)].map((x) => Number(x[1])),
    );
    for (const id of named) {
      const image = images.get(id);
      if (!image?.shown) report(`LEAK: ${page.path} names ${image?.what ?? `image ${id}`}`);
    }
  }
  for (const image of images.values()) {
    if (!image.shown) continue;
    for (const path of image.pages) {
      const page = byPath.get(path);
      if (page?.status !== 200) continue;
      if (!page.body.includes(`/images/${image.id}/480.avif 480w`)) {
        report(`${path} does not show ${image.what}`);
      }
      for (const w of image.words) {
        if (!page.body.includes(w.word)) report(`${path} does not show ${w.word} of ${image.what}`);
      }
    }
  }
}

/**
 * The static export holds the copies its pages name: those of each shown image, and no others
 * (a build after an image went out of view removes them).
 */
export function checkExportedImages(
  files: Map<string, Buffer>,
  m: Model,
  now: string,
  report: Report,
): void {
  const images = new Map(imagesOf(m, now).map((i) => [i.id, i]));
  for (const path of files.keys()) {
    const id = /^(?:images|iiif|ko\/iiif)\/(\d+)\//.exec(path)?.[1];
    if (id === undefined) continue;
    const image = images.get(Number(id));
    if (!image?.shown) {
      report(`LEAK: the static export holds ${path}, of ${image?.what ?? 'an unknown image'}`);
    }
  }
  for (const image of images.values()) {
    if (image.shown && !files.has(`images/${image.id}/480.avif`)) {
      report(`the static export lacks images/${image.id}/480.avif, of ${image.what}`);
    }
    if (!image.shown || !image.scene) continue;
    for (const file of ['info.json', 'full/320,240/0/default.jpg', 'index.html']) {
      if (!files.has(`iiif/${image.id}/${file}`)) {
        report(`the static export lacks iiif/${image.id}/${file}, of ${image.what}`);
      }
    }
  }
}
