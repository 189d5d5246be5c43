import { open } from 'node:fs/promises';
import { ValidationError } from '../../core/errors.ts';
import { MAX_SCENE_PIXELS, type SceneInspection, type SceneMediaType } from '../../core/imagery.ts';
import { readFootprint } from './scene-footprint.ts';

/** The scene formats, told apart by their first bytes, never by a name or a client's word. */
function sniffScene(head: Uint8Array): SceneMediaType | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (starts([0x49, 0x49, 0x2a, 0x00]) || starts([0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  // BigTIFF: version 43, offsets of 8 bytes.
  if (starts([0x49, 0x49, 0x2b, 0x00]) || starts([0x4d, 0x4d, 0x00, 0x2b])) return 'image/tiff';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(16);
    const { bytesRead } = await file.read(head, 0, 16, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/**
 * Upright width and height from the header (libvips opens lazily: no pixel is decoded). A
 * camera's orientation is applied, as the tiles and the public copy apply it.
 */
async function measure(path: string): Promise<{ width: number; height: number }> {
  const { default: sharp } = await import('sharp');
  try {
    const meta = await sharp(path, { limitInputPixels: false, failOn: 'error' }).metadata();
    const portrait = (meta.orientation ?? 1) >= 5;
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    return portrait ? { width: height, height: width } : { width, height };
  } catch (error) {
    throw new ValidationError(`The scene could not be read: ${firstLine(error)}`);
  }
}

/** Refuses a scene over the pixel limit, naming its size, before anything decodes it. */
export function assertSceneSize(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new ValidationError('The scene has no pixels.');
  if (width * height > MAX_SCENE_PIXELS) {
    const megapixels = Math.round((width * height) / 1e6).toLocaleString('en');
    const limit = (MAX_SCENE_PIXELS / 1e6).toLocaleString('en');
    throw new ValidationError(
      `The scene is ${width} × ${height} pixels (${megapixels} megapixels); the limit is ${limit} megapixels.`,
    );
  }
}

async function georeference(path: string) {
  const { fromFile } = await import('geotiff');
  let tiff: Awaited<ReturnType<typeof fromFile>> | undefined;
  try {
    tiff = await fromFile(path);
    const image = await tiff.getImage(0);
    const ifd = image.getFileDirectory();
    // The raster as stored, before any orientation: the transform maps stored rows and columns.
    return readFootprint({
      width: image.getWidth(),
      height: image.getHeight(),
      geoKeys: image.getGeoKeys() as Record<string, unknown> | null,
      tiepoint: ifd.getValue('ModelTiepoint') as number[] | undefined,
      pixelScale: ifd.getValue('ModelPixelScale') as number[] | undefined,
      transformation: ifd.getValue('ModelTransformation') as number[] | undefined,
    });
  } catch (error) {
    throw new ValidationError(`The scene's georeferencing could not be read: ${firstLine(error)}`);
  } finally {
    await tiff?.close();
  }
}

/**
 * What a scene file is, read from its headers alone: format, size, and for a GeoTIFF the
 * footprint in WGS 84 with the system it was recorded in. Corrupt or hostile files give a
 * ValidationError; a scene over MAX_SCENE_PIXELS is refused.
 */
export async function inspectScene(path: string): Promise<SceneInspection> {
  const format = sniffScene(await readHead(path));
  if (!format) throw new ValidationError('A scene must be a TIFF, JPEG, PNG or WebP image.');
  const { width, height } = await measure(path);
  assertSceneSize(width, height);
  if (format !== 'image/tiff') {
    const footprintNote = 'Only a GeoTIFF carries its place on the ground.';
    return { format, width, height, footprint: null, sourceCrs: null, footprintNote };
  }
  const reading = await georeference(path);
  return {
    format,
    width,
    height,
    footprint: reading.footprint,
    sourceCrs: reading.sourceCrs,
    footprintNote: reading.note,
  };
}
