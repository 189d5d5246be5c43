import type { Actor } from '../../core/actor.ts';
import type { AppContext } from '../../core/app-context.ts';
import type { PublicationRecord } from '../../core/entities.ts';
import { addImage } from '../../features/publishing/files/add-image.ts';
import { updatePublication } from '../../features/publishing/save-publication.ts';
import { locatorMap } from '../../features/reading/locator-map/map-projection.ts';
import type { DemoFigure } from './demo-archive.ts';

/**
 * The demo's one figure: a locator map the archive draws itself from the coordinates it records
 * for a place, as a PNG. The demo has none of the reports' own imagery to show, and a figure
 * must never pass for one: its caption and credit say what it is and who drew it.
 */
export async function drawLocatorFigure(
  countryNames: readonly string[],
  point: { latitude: number; longitude: number },
): Promise<Uint8Array> {
  const map = locatorMap(countryNames, [point]);
  if (!map) throw new Error(`No outline for ${countryNames.join(' / ')}`);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}">`,
    `<rect x="0" y="0" width="${map.width}" height="${map.height}" fill="#e4ecf2"/>`,
    ...map.neighbours.map(
      (d) => `<path d="${d}" fill="#f6f6f4" stroke="#aab4bd" stroke-width="0.6"/>`,
    ),
    `<path d="${map.country}" fill="#dbe5d3" stroke="#46663a" stroke-width="1"/>`,
    ...map.markers.map(
      (m) =>
        `<circle cx="${m.x}" cy="${m.y}" r="10" fill="none" stroke="#b0281a" stroke-width="2"/>` +
        `<circle cx="${m.x}" cy="${m.y}" r="4.5" fill="#b0281a" stroke="#ffffff" stroke-width="1.5"/>`,
    ),
    '</svg>',
  ].join('');
  // Drawn once, when the demo loads; the server never needs the rasterizer for it.
  const { default: sharp } = await import('sharp');
  const png = await sharp(Buffer.from(svg), { density: 288 })
    .resize({ width: 1200 })
    .png()
    .toBuffer();
  return new Uint8Array(png);
}

/**
 * Adds a figure to a demo publication through the editor's own services, then places it in the
 * body after its first paragraph, as an editor would with `![…](figure:ID)`.
 */
export async function addDemoFigure(
  ctx: AppContext,
  publication: PublicationRecord,
  figure: DemoFigure & { point: { latitude: number; longitude: number } },
  countryNames: readonly string[],
  actor: Actor,
): Promise<void> {
  const bytes = await drawLocatorFigure(countryNames, figure.point);
  const image = await addImage(
    ctx,
    {
      owner: { publicationId: publication.id },
      source: (async function* () {
        yield bytes;
      })(),
      words: {
        alt: figure.alt,
        altKo: figure.altKo ?? null,
        caption: figure.caption,
        captionKo: figure.captionKo ?? null,
        credit: figure.credit,
        source: figure.source,
        takenOn: null,
      },
    },
    actor,
  );
  const paragraphs = (publication.body ?? '').split('\n\n');
  const placed = [
    ...paragraphs.slice(0, 1),
    `![${figure.alt}](figure:${image.id})`,
    ...paragraphs.slice(1),
  ].join('\n\n');
  const current = await ctx.repos.publications.findById(publication.id);
  if (!current) throw new Error(`The demo publication ${publication.slug} vanished`);
  await updatePublication(
    ctx,
    publication.id,
    current.version,
    { ...current, body: placed },
    actor,
  );
}
