import type { Actor } from '../../core/actor.ts';
import type { AppContext } from '../../core/app-context.ts';
import type { PublicationRecord } from '../../core/entities.ts';
import { addAnnotation, addScene } from '../../features/imagery/index.ts';
import { updatePublication } from '../../features/publishing/save-publication.ts';
import type { DemoScene } from './demo-archive.ts';

const WIDTH = 960;
const HEIGHT = 640;

/** The drawing's own words, so that a copy taken off the page still says what it is. */
const STAMP =
  '<text x="24" y="616" font-family="sans-serif" font-size="22" fill="#ffffff" stroke="#000000" ' +
  'stroke-width="0.6">ILLUSTRATION drawn by the Dossier demo archive: not satellite imagery</text>';

/** A schematic of a walled compound beside a river and its fields, dry or flooded. */
function drawing(kind: DemoScene['drawing']): string {
  const fields = [
    [60, 60, 260, 150],
    [60, 240, 260, 150],
    [360, 420, 240, 140],
    [660, 60, 250, 170],
  ]
    .map(([x, y, w, h]) => `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#8ca35a"/>`)
    .join('');
  const river =
    kind === 'flood-after'
      ? '<path d="M0 470 C 200 420, 320 560, 520 500 S 820 380, 960 430 L 960 640 L 0 640 Z" fill="#5d7f99"/>' +
        '<rect x="40" y="220" width="300" height="190" fill="#6f8fa6" opacity="0.9"/>' +
        '<rect x="340" y="400" width="280" height="180" fill="#6f8fa6" opacity="0.9"/>'
      : '<path d="M0 540 C 200 500, 320 600, 520 560 S 820 470, 960 500 L 960 640 L 0 640 Z" fill="#5d7f99"/>';
  const compound =
    kind === 'camp'
      ? '<rect x="380" y="80" width="420" height="300" fill="#b9b3a6" stroke="#3d3a34" stroke-width="6"/>' +
        [420, 520, 620, 720]
          .map((x) => `<rect x="${x}" y="140" width="60" height="180" fill="#7d776b"/>`)
          .join('') +
        '<rect x="372" y="72" width="22" height="22" fill="#3d3a34"/><rect x="786" y="72" width="22" height="22" fill="#3d3a34"/>'
      : '<rect x="400" y="120" width="220" height="200" fill="#b9b3a6" stroke="#3d3a34" stroke-width="6"/>' +
        '<rect x="440" y="160" width="60" height="120" fill="#7d776b"/><rect x="520" y="160" width="60" height="120" fill="#7d776b"/>';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#a89f7c"/>`,
    fields,
    river,
    compound,
    '<path d="M0 30 L 960 20" stroke="#d8d2bf" stroke-width="10" fill="none"/>',
    STAMP,
    '</svg>',
  ].join('');
}

/** A demo scene's picture as a PNG: drawn once, when the demo loads. */
export async function drawDemoScene(kind: DemoScene['drawing']): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  return new Uint8Array(
    await sharp(Buffer.from(drawing(kind)))
      .png()
      .toBuffer(),
  );
}

/**
 * Adds a publication's demo scenes through the editor's own services, with their annotations,
 * and places them at the end of its body. Their tiles are made by the job runner, as for any
 * upload.
 */
export async function addDemoScenes(
  ctx: AppContext,
  publication: PublicationRecord,
  scenes: readonly DemoScene[],
  placeIds: ReadonlyMap<string, number>,
  actor: Actor,
): Promise<void> {
  const lines: string[] = [];
  for (const scene of scenes) {
    const bytes = await drawDemoScene(scene.drawing);
    const image = await addScene(
      ctx,
      {
        publicationId: publication.id,
        source: (async function* () {
          yield bytes;
        })(),
        words: {
          alt: scene.alt,
          altKo: scene.altKo,
          caption: scene.caption,
          captionKo: scene.captionKo,
          credit: 'Drawn by the Dossier demo archive',
          source: 'An illustration of the archive’s own making, not imagery from the report',
          takenOn: null,
        },
        facts: {
          illustrative: true,
          placeIds: scene.places.map((slug) => placeIds.get(slug)!),
        },
      },
      actor,
    );
    for (const a of scene.annotations) await addAnnotation(ctx, image, a, actor);
    lines.push(`![${scene.alt}](figure:${image.id})`);
  }
  const current = (await ctx.repos.publications.findById(publication.id))!;
  await updatePublication(
    ctx,
    publication.id,
    current.version,
    { ...current, body: [current.body, ...lines].filter(Boolean).join('\n\n') },
    actor,
  );
}
