import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { Browserish } from './admin-session.ts';

/** What a phone writes into a photo: who took it, with what, and where. */
export const CAMERA_WORDS = ['LeakyPhone', 'Kim Secret-Source'] as const;

const EXIF = {
  IFD0: { Make: CAMERA_WORDS[0], Model: 'Model 7', Artist: CAMERA_WORDS[1] },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '41/1 25/1 0/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '129/1 10/1 0/1',
  },
};

/** A photo as a phone sends it: a JPEG with EXIF naming the camera, its owner and the place. */
export async function geotaggedJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 60 } } })
    .jpeg()
    .withExif(EXIF)
    .toBuffer();
}

/** A PNG with transparency and the same EXIF: its copies for old browsers are PNG. */
export async function geotaggedPng(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 4, background: { r: 200, g: 180, b: 160, alpha: 0.5 } },
  })
    .png()
    .withExif(EXIF)
    .toBuffer();
}

/** Files no image form may keep, each with what the refusal must say. */
export async function hostileFiles(): Promise<Array<{ what: string; file: File; says: RegExp }>> {
  const jpeg = await geotaggedJpeg(64, 64);
  // A 1×1 PNG whose header claims 60,000 × 60,000 pixels: 14 GB once decoded.
  const flood = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#456' } })
      .png()
      .toBuffer(),
  );
  flood.writeUInt32BE(60_000, 16);
  flood.writeUInt32BE(60_000, 20);
  flood.writeUInt32BE(crc32(flood.subarray(12, 29)), 29);
  const unsupported = /Only PDF, PNG, JPEG, WebP and AVIF files are accepted/;
  return [
    {
      what: 'a text file named like a photo',
      file: new File(['Not a picture at all.\n'], 'photo.jpg', { type: 'image/jpeg' }),
      says: unsupported,
    },
    {
      what: 'an SVG with a script',
      file: new File(
        ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'],
        'photo.svg',
        { type: 'image/svg+xml' },
      ),
      says: unsupported,
    },
    {
      what: 'a PDF',
      file: new File(['%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], 'photo.pdf', {
        type: 'application/pdf',
      }),
      says: /Upload a JPEG, PNG, WebP or AVIF image/,
    },
    {
      what: 'a JPEG cut short',
      file: new File([new Uint8Array(jpeg.subarray(0, 200))], 'cut.jpg', { type: 'image/jpeg' }),
      says: /^The image could not be read: [^\n]+$/,
    },
    {
      what: 'a PNG that claims 3.6 billion pixels',
      file: new File([new Uint8Array(flood)], 'flood.png', { type: 'image/png' }),
      says: /^The image could not be read: Input image exceeds pixel limit$/,
    },
  ];
}

export const fileOf = (bytes: Buffer, name: string, type: string) =>
  new File([new Uint8Array(bytes)], name, { type });

/** Posts a multipart form as the back office's upload forms do, with the CSRF token of `formPage`. */
export async function uploadForm(
  browser: Browserish,
  formPage: string,
  action: string,
  fields: Record<string, string>,
  file: File,
): Promise<Response> {
  const page = await (await browser.request(formPage)).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const form = new FormData();
  form.set('_csrf', csrf);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', file);
  return browser.request(action, { method: 'POST', body: form });
}

/** What a served image still says about where it came from: EXIF, XMP, IPTC, camera words. */
export async function metadataLeft(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  return {
    exif: meta.exif?.length ?? 0,
    xmp: meta.xmp?.length ?? 0,
    iptc: meta.iptc?.length ?? 0,
    words: CAMERA_WORDS.filter((w) => bytes.includes(w)),
  };
}

export const NO_METADATA = { exif: 0, xmp: 0, iptc: 0, words: [] };
