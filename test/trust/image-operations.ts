import sharp from 'sharp';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { SCENE_PREPARE_JOB } from '../../src/features/imagery/index.ts';
import { writeGeoTiff } from '../support/geotiff.ts';
import { newMarker } from './markers.ts';
import { type Figure, isOffice, marker, mayEdit, type Piece } from './model.ts';
import type { Op } from './operations.ts';
import { put, saveForm, truncateDates } from './piece-operations.ts';
import { allow, type Runner, refuse, type Verdict } from './runner.ts';
import type { Answer } from './world.ts';

/**
 * Images: a figure uploaded in a piece's editor and placed in its body (or not), a body that
 * places an image that is not the piece's own, and a person's photo. Each upload carries EXIF
 * with a GPS position and a marker word that was never public: no copy the public can fetch
 * may hold it.
 */

/** A number that names no image: a body placing it must be refused. */
const NO_SUCH_IMAGE = 987_654_321;

/** A figure as a camera sends it: 640×480 JPEG, with the photographer's name and a position. */
async function figureBytes(exifWord: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 120, b: 60 } },
  })
    .jpeg()
    .withExif({
      IFD0: { Artist: `Artist ${exifWord}`, Make: 'LeakyPhone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '41/1 25/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '129/1 10/1 0/1',
      },
    })
    .toBuffer();
  return new Uint8Array(bytes);
}

/** A portrait with transparency (its copies for old browsers are PNG), 640×480, with EXIF. */
async function photoBytes(exifWord: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await sharp({
    create: {
      width: 640,
      height: 480,
      channels: 4,
      background: { r: 200, g: 180, b: 160, alpha: 0.6 },
    },
  })
    .png()
    .withExif({
      IFD0: { Artist: `Artist ${exifWord}` },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 1/1 0/1' },
    })
    .toBuffer();
  return new Uint8Array(bytes);
}

/**
 * A satellite scene as an analyst's workstation writes it: a 640×480 GeoTIFF in UTM zone 52N
 * whose ImageDescription and EXIF name the analyst (kept in the stored original, for staff).
 */
function sceneBytes(exifWord: string): Uint8Array<ArrayBuffer> {
  const bytes = writeGeoTiff({
    width: 640,
    height: 480,
    epsg: 32652,
    origin: [397_000, 4_682_000],
    pixelSize: [2, 2],
    extra: [{ tag: 270, type: 'ASCII', values: `Tasked by ${exifWord}` }],
    exif: [{ tag: 42016, type: 'ASCII', values: `Analyst ${exifWord}` }],
  });
  return new Uint8Array(bytes);
}

/** The line that places an image, alone in its paragraph; the bracketed words are a reminder. */
const placing = (id: number) => `\n\n![figure](figure:${id})\n`;

export async function figure(r: Runner, op: Extract<Op, { kind: 'figure' }>): Promise<void> {
  const { actor } = op;
  const p = r.pick(op.piece, actor);
  const session = await r.session(actor);
  const words = { alt: newMarker(), caption: newMarker() };
  const exif = newMarker();
  r.model.metadata.push(exif);
  const verdict = r.gone(p)
    ? refuse('the piece is not there')
    : !mayEdit(actor, p)
      ? refuse(`${actor} may not add images to this piece`)
      : allow();
  const fields = {
    alt: `Figure ${words.alt}`,
    caption: `Caption ${words.caption}`,
    credit: 'Model Agency',
    takenOn: '2025-03-01',
  };
  const ans = op.scene
    ? await session.upload(
        `/admin/publications/${p.id}/scenes`,
        new File([sceneBytes(exif)], 'scene.tif', { type: 'image/tiff' }),
        { ...fields, illustrative: '1' },
      )
    : await session.upload(
        `/admin/publications/${p.id}/figures`,
        new File([await figureBytes(exif)], 'figure.jpg', { type: 'image/jpeg' }),
        fields,
      );
  if (!r.judge(`upload a ${op.scene ? 'scene' : 'figure'}`, verdict, ans, true)) {
    r.model.ghosts.push(words.alt, words.caption);
    return;
  }
  const id = Number(/(?:#figure-|\/scenes\/)(\d+)$/.exec(ans.location ?? '')?.[1]);
  if (!id) {
    r.violation(`uploading an image to ${p.slug.word} did not say which image it made`);
    return;
  }
  let scene: Figure['scene'] = null;
  if (op.scene) {
    const label = newMarker();
    const added = await session.post(`/admin/publications/${p.id}/scenes/${id}/annotations`, {
      points: '100,100',
      label: `Callout ${label}`,
    });
    if (!r.judge('annotate the scene', allow(), added, true)) {
      r.model.ghosts.push(label);
    } else scene = { annotation: marker(label) };
    // The server's job runner makes the tiles, the still and the public copy (only that job:
    // others, like scheduled publishing, run when the model says the server would run them).
    await createJobRunner(r.world.ctx, { kinds: [SCENE_PREPARE_JOB] }).drain();
  }
  const f: Figure = {
    id,
    placed: false,
    alt: marker(words.alt),
    caption: marker(words.caption),
    scene,
  };
  p.figures.push(f);
  r.log.push(`   image ${id}`);
  if (!op.place) return;
  const record = await r.world.record(p.id);
  const placed = await saveForm(r, actor, p, { body: `${record?.body ?? ''}${placing(id)}` });
  if (!r.judge('place the figure', verdict, placed, true)) return;
  f.placed = true;
  truncateDates(p);
}

export async function place(r: Runner, op: Extract<Op, { kind: 'place' }>): Promise<void> {
  const { actor } = op;
  const p = r.pick(op.piece, actor);
  const office = isOffice(actor);
  if (office) await r.session(actor);
  const own = [...p.figures].reverse().find((f) => !f.placed) ?? p.figures.at(-1);
  const others = r.model.pieces.filter((x) => x !== p).flatMap((x) => x.figures);
  const target = op.which === 'own' ? own : op.which === 'other' ? others.at(-1) : undefined;
  const id = target?.id ?? NO_SUCH_IMAGE;
  const foreign = op.which !== 'own' || !target;
  r.log.push(`   image ${id}${target?.placed ? ' (already placed)' : ''}`);
  let verdict: Verdict;
  if (r.gone(p)) verdict = refuse('the piece is not there');
  else if (!mayEdit(actor, p)) verdict = refuse(`${actor} may not edit this piece`);
  else if (foreign) {
    verdict = refuse('a body may place only its own images', /not among this publication/);
  } else verdict = allow();
  const record = await r.world.record(p.id);
  // An image the body places already is not placed twice: the save then changes nothing.
  const body = `${record?.body ?? ''}${!foreign && target?.placed ? '' : placing(id)}`;
  const ans = office ? await saveForm(r, actor, p, { body }) : await put(r, actor, p, { body });
  if (!r.judge('place an image', verdict, ans, office)) return;
  if (!foreign && target) target.placed = true;
  if (office) truncateDates(p);
}

export async function photo(r: Runner, op: Extract<Op, { kind: 'photo' }>): Promise<void> {
  const entry = r.model.people[op.index % r.model.people.length]!;
  const session = await r.session(op.actor);
  const words = { alt: newMarker(), credit: newMarker() };
  const exif = newMarker();
  r.model.metadata.push(exif);
  r.log.push(`   of ${entry.name.word}`);
  const verdict: Verdict =
    op.actor === 'contributor' ? refuse('contributors may not edit the catalog') : allow();
  const ans: Answer = await session.upload(
    `/admin/people/${entry.id}/photo`,
    new File([await photoBytes(exif)], 'portrait.png', { type: 'image/png' }),
    { alt: `Photo ${words.alt}`, altKo: '', credit: `Credit ${words.credit}` },
  );
  if (!r.judge('upload a photo', verdict, ans, true)) {
    r.model.ghosts.push(words.alt, words.credit);
    return;
  }
  const stored = (await r.world.ctx.repos.images.photosOf([entry.id])).get(entry.id);
  if (!stored) {
    r.violation(`the photo of ${entry.name.word} was not stored`);
    return;
  }
  r.log.push(`   image ${stored.id}`);
  entry.photos.push({ id: stored.id, alt: marker(words.alt), credit: marker(words.credit) });
}

/** The images a stored body places agree with the model; where they do not, say so and follow it. */
export function compareFigures(r: Runner, p: Piece, record: PublicationRecord): void {
  const placed = new Set([...record.body.matchAll(/\]\(figure:(\d+)\)/g)].map((m) => Number(m[1])));
  for (const f of p.figures) {
    if (placed.has(f.id) === f.placed) continue;
    r.violation(
      `the body of ${p.slug.word} ${f.placed ? 'no longer places' : 'places'} image ${f.id}, the model says ${f.placed ? 'placed' : 'not placed'}`,
    );
    f.placed = placed.has(f.id);
  }
}
