import sharp from 'sharp';

/** What the scene-page tests draw, measure and keep: the scene, its tiles' scale, screenshots. */

export const WIDTH = 2400;
export const HEIGHT = 1600;

/**
 * An illustrative scene drawn for the test: fields, a river, a walled compound; after the flood,
 * water over the low fields. Large enough that the viewer's first view is not its finest level.
 */
export function illustrativeScene(flooded: boolean): Promise<Buffer> {
  const fields = Array.from({ length: 48 }, (_, i) => {
    const x = (i % 8) * 300;
    const y = Math.floor(i / 8) * 270;
    const shade = ['#7d8b4f', '#8f9a5a', '#a39a63', '#6f7f45'][(i * 7) % 4];
    return `<rect x="${x + 6}" y="${y + 6}" width="288" height="258" fill="${shade}"/>`;
  }).join('');
  const water = flooded
    ? '<path d="M0 900 C500 820 900 1100 1500 1000 S2200 1150 2400 1080 V1600 H0 Z" fill="#4f6f86" opacity="0.92"/>'
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="100%" height="100%" fill="#5c6b3a"/>${fields}
    <path d="M0 1200 C600 1100 1000 1350 1600 1250 S2200 1300 2400 1220" stroke="#3d5a70"
      stroke-width="${flooded ? 90 : 40}" fill="none"/>${water}
    <rect x="700" y="300" width="700" height="450" fill="#b9b2a3" stroke="#444" stroke-width="14"/>
    <rect x="780" y="380" width="220" height="90" fill="#6d6a66"/>
    <rect x="1080" y="380" width="220" height="90" fill="#6d6a66"/>
    <rect x="780" y="560" width="520" height="110" fill="#7a756d"/>
    <rect x="880" y="470" width="40" height="40" fill="#2b2b2b"/>
    <path d="M0 820 H2400" stroke="#c9c0a8" stroke-width="24"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export const SCREENS = 'docs/screens';

/** The scale factor of an IIIF tile request: full-size pixels per pixel served. */
export function scaleOf(url: string): number | null {
  const m = /\/iiif\/\d+\/(full|\d+,\d+,(\d+),\d+)\/(max|(\d+),\d*)\/0\/default\.jpg$/.exec(url);
  if (!m) return null;
  const region = m[1] === 'full' ? WIDTH : Number(m[2]);
  const size = m[3] === 'max' ? region : Number(m[4]);
  return region / size;
}

/** A screenshot as a palette PNG, like the other screens in docs/screens. */
export async function palettePng(shot: Buffer, name: string) {
  await sharp(shot)
    .png({ palette: true, quality: 90, effort: 8, dither: 0 })
    .toFile(`${SCREENS}/${name}.png`);
}
