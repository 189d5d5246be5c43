import { createHash } from 'node:crypto';
import type { Actor } from '../../../core/actor.ts';
import type { AuditTrail } from '../../../core/audit-trail.ts';
import { ValidationError } from '../../../core/errors.ts';
import type { Clock, FileStore, Transactor, Tx } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';
import type { StoredSite } from './site-settings.ts';

/**
 * The site's visual identity, set in the back office: colours, self-hosted typefaces and a logo.
 * Kept under the setting 'identity'; the bytes of an SVG logo and of each font under
 * 'identity.asset.{sha256}' (the file store keeps only the types it can check by their magic
 * bytes and strip, which a raster logo is and goes to). Everything is served from this site's
 * own origin under content-addressed names, so no page asks a third party for a font.
 */
export interface StoredIdentity {
  colours?: IdentityColours | null;
  logo?: { sha256: string; mediaType: 'image/svg+xml' | 'image/png' | 'image/webp' } | null;
  fonts?: StoredFont[];
}

export interface IdentityColours {
  brand: string;
  accent: string;
  text: string;
  background: string;
}

export interface StoredFont {
  sha256: string;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Which custom property the family is put first in. */
  use: 'body' | 'heading';
}

interface StoredAsset {
  mediaType: string;
  base64: string;
}

export interface IdentityDeps {
  repos: Pick<Repositories, 'settings' | 'audit' | 'files'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  files: FileStore;
}

// ---- Colour contrast (WCAG 2.x) -------------------------------------------------------------

const HEX = /^#[0-9a-f]{6}$/;

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG's relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

/** WCAG's contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Level AA for body text. */
export const MIN_CONTRAST = 4.5;

/** The text colour on the brand colour (header, buttons): white or near-black, whichever reads better. */
export function brandContrast(brand: string): string {
  return contrastRatio(brand, '#ffffff') >= contrastRatio(brand, '#111111') ? '#ffffff' : '#111111';
}

function mix(from: string, to: string, share: number): string {
  const a = Number.parseInt(from.slice(1), 16);
  const b = Number.parseInt(to.slice(1), 16);
  const channelOf = (n: number, shift: number) => (n >> shift) & 255;
  const out = [16, 8, 0].map((shift) =>
    Math.round(channelOf(a, shift) * (1 - share) + channelOf(b, shift) * share),
  );
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const readsOn = (bg: string, ...fgs: string[]) =>
  fgs.every((fg) => contrastRatio(fg, bg) >= MIN_CONTRAST);

/**
 * The two shades site.css draws beside the four colours: the surface of the header, footer and
 * fact boxes, and muted text (roles, captions, notes). The fixed ones suit only the standard
 * colours (muted grey on a dark background, or light text on the fixed pale surface, would fail
 * AA), so each is mixed from the chosen colours, as far as text stays AA on it; at worst the
 * surface is the background and muted text is the text colour, pairs already checked.
 */
export function derivedShades(c: IdentityColours): { surface: string; muted: string } {
  const steps = [0.25, 0.2, 0.15, 0.1, 0.05, 0];
  const surface =
    steps
      .map((s) => mix(c.background, c.text, s / 5))
      .find((bg) => readsOn(bg, c.text, c.accent)) ?? c.background;
  const muted =
    steps
      .map((s) => mix(c.text, c.background, s))
      .find((fg) => readsOn(c.background, fg) && readsOn(surface, fg)) ?? c.text;
  return { surface, muted };
}

/** The pairs the public pages draw text with, each of which must reach AA. */
const PAIRS: Array<{ fg: keyof IdentityColours; bg: keyof IdentityColours; what: string }> = [
  { fg: 'text', bg: 'background', what: 'Text on background' },
  { fg: 'accent', bg: 'background', what: 'Accent (links) on background' },
];

/**
 * Checks and normalizes the four colours. A pair that fails AA is refused with its name and its
 * ratio, on the field of its foreground colour.
 */
export function checkColours(input: Record<keyof IdentityColours, string>): IdentityColours {
  const issues: Array<{ path: string; message: string }> = [];
  const colours = {} as IdentityColours;
  for (const key of ['brand', 'accent', 'text', 'background'] as const) {
    const value = input[key].trim().toLowerCase();
    if (!HEX.test(value)) issues.push({ path: key, message: 'A colour as #rrggbb' });
    colours[key] = value;
  }
  if (issues.length === 0) {
    for (const pair of PAIRS) {
      const ratio = contrastRatio(colours[pair.fg], colours[pair.bg]);
      if (ratio < MIN_CONTRAST) {
        issues.push({
          path: pair.fg,
          message: `${pair.what} (${colours[pair.fg]} on ${colours[pair.bg]}) has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs at least 4.5:1`,
        });
      }
    }
    const onBrand = brandContrast(colours.brand);
    const ratio = contrastRatio(onBrand, colours.brand);
    if (ratio < MIN_CONTRAST) {
      issues.push({
        path: 'brand',
        message: `Text on the brand colour (${onBrand} on ${colours.brand}) has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs at least 4.5:1`,
      });
    }
  }
  if (issues.length > 0) {
    throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  return colours;
}

// ---- Fonts ------------------------------------------------------------------------------------

/** A WOFF2 file starts with its signature 'wOF2'; nothing else is taken for a font. */
export function isWoff2(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength > 48 &&
    bytes[0] === 0x77 &&
    bytes[1] === 0x4f &&
    bytes[2] === 0x46 &&
    bytes[3] === 0x32
  );
}

export const MAX_FONT_BYTES = 2 * 1024 * 1024;
const FAMILY = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,59}$/u;

export function checkFont(input: {
  bytes: Uint8Array;
  family: string;
  weight: string;
  style: string;
  use: string;
}): Omit<StoredFont, 'sha256'> {
  const issues: Array<{ path: string; message: string }> = [];
  if (!isWoff2(input.bytes))
    issues.push({ path: 'font', message: 'Upload a WOFF2 font file (it starts with “wOF2”)' });
  else if (input.bytes.byteLength > MAX_FONT_BYTES)
    issues.push({ path: 'font', message: 'A font may be at most 2 MB' });
  const family = input.family.normalize('NFC').trim();
  if (!FAMILY.test(family))
    issues.push({ path: 'family', message: 'Letters, digits, spaces and hyphens, at most 60' });
  const weight = Number(input.weight || '400');
  if (!Number.isInteger(weight) || weight < 100 || weight > 900 || weight % 100 !== 0)
    issues.push({ path: 'weight', message: 'A weight from 100 to 900, in hundreds' });
  const style = input.style === 'italic' ? 'italic' : 'normal';
  const use = input.use === 'heading' ? 'heading' : 'body';
  if (issues.length > 0) {
    throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  return { family, weight, style, use };
}

// ---- The stylesheet ------------------------------------------------------------------------

const DEFAULT_BODY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';
const DEFAULT_HEADING =
  'Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "Noto Serif CJK KR", "Noto Serif KR", "AppleMyungjo", serif';

export function fontPath(font: Pick<StoredFont, 'sha256'>): string {
  return `/identity/${font.sha256}.woff2`;
}

/**
 * The identity as CSS custom properties for site.css, and an `@font-face` for each font, with
 * `font-display: swap` so text shows at once in a fallback. Text and background colours apply
 * to the light scheme only: the dark scheme keeps its own, which the checks above do not cover.
 * Colours are for screens: print keeps site.css's black on white.
 * Null when nothing is set: the page then links no second stylesheet.
 */
export function identityCss(identity: StoredIdentity): string | null {
  const lines: string[] = [];
  const fonts = identity.fonts ?? [];
  for (const f of fonts) {
    lines.push(
      `@font-face{font-family:"${f.family}";src:url(${fontPath(f)}) format("woff2");font-weight:${f.weight};font-style:${f.style};font-display:swap}`,
    );
  }
  const root: string[] = [];
  const body = fonts.find((f) => f.use === 'body')?.family;
  const heading = fonts.find((f) => f.use === 'heading')?.family;
  if (body) root.push(`--font-body:"${body}", ${DEFAULT_BODY}`);
  if (heading) root.push(`--font-heading:"${heading}", ${DEFAULT_HEADING}`);
  if (root.length > 0) lines.push(`:root{${root.join(';')}}`);
  const c = identity.colours;
  if (c) {
    const { surface, muted } = derivedShades(c);
    lines.push(
      `@media screen{:root{--brand:${c.brand};--brand-contrast:${brandContrast(c.brand)}}}`,
      `@media screen and (prefers-color-scheme: light){:root{--accent:${c.accent};--text:${c.text};--background:${c.background};--surface:${surface};--muted:${muted}}}`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : null;
}

/** The stylesheet's address: named by its content, so it is cached for good and changes name when it changes. */
export function identityCssPath(css: string): string {
  return `/identity/${createHash('sha256').update(css).digest('hex').slice(0, 20)}.css`;
}

export function logoPath(logo: NonNullable<StoredIdentity['logo']>): string {
  const ext = { 'image/svg+xml': 'svg', 'image/png': 'png', 'image/webp': 'webp' }[logo.mediaType];
  return `/identity/${logo.sha256}.${ext}`;
}

// ---- Saving ----------------------------------------------------------------------------------

async function readIdentity(deps: IdentityDeps, tx: Tx): Promise<StoredIdentity> {
  return (await deps.repos.settings.get<StoredIdentity>('identity', tx)) ?? {};
}

/**
 * Writes the identity and what the frame reads of it (the logo's and the stylesheet's paths,
 * under 'site'), audited as a settings change: that empties the render cache, so every page
 * shows the new identity at once.
 */
async function writeIdentity(
  deps: IdentityDeps,
  identity: StoredIdentity,
  actor: Actor,
  change: string,
  tx: Tx,
): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.repos.settings.set('identity', identity, at, tx);
  const site = (await deps.repos.settings.get<StoredSite>('site', tx)) ?? {};
  const css = identityCss(identity);
  await deps.repos.settings.set(
    'site',
    {
      ...site,
      logoPath: identity.logo ? logoPath(identity.logo) : null,
      identityCss: css ? identityCssPath(css) : null,
    },
    at,
    tx,
  );
  await deps.audit.record(
    actor,
    'settings.update',
    { type: 'setting', id: 'identity' },
    { key: 'identity', change },
    tx,
  );
}

async function putAsset(deps: IdentityDeps, bytes: Uint8Array, mediaType: string, tx: Tx) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const asset: StoredAsset = { mediaType, base64: Buffer.from(bytes).toString('base64') };
  await deps.repos.settings.set(
    `identity.asset.${sha256}`,
    asset,
    deps.clock.now().toISOString(),
    tx,
  );
  return sha256;
}

/** The bytes of an SVG logo or a font, by the hash they are served under. */
export async function readAsset(
  repos: Pick<Repositories, 'settings'>,
  sha256: string,
): Promise<{ mediaType: string; bytes: Buffer } | undefined> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  const asset = await repos.settings.get<StoredAsset>(`identity.asset.${sha256}`);
  return asset
    ? { mediaType: asset.mediaType, bytes: Buffer.from(asset.base64, 'base64') }
    : undefined;
}

export async function saveColours(
  deps: IdentityDeps,
  input: Record<keyof IdentityColours, string> | null,
  actor: Actor,
): Promise<void> {
  const colours = input ? checkColours(input) : null;
  await deps.transactor.transaction(async (tx) => {
    const identity = await readIdentity(deps, tx);
    await writeIdentity(deps, { ...identity, colours }, actor, 'colours', tx);
  });
}

/**
 * Sets the logo. An SVG is rewritten from the allowlist (svg-logo.ts); a PNG or WebP goes
 * through the file store, which re-encodes it from its pixels without metadata.
 */
export async function saveLogo(
  deps: IdentityDeps,
  upload: { bytes: Uint8Array; fileName: string } | null,
  actor: Actor,
): Promise<void> {
  let logo: StoredIdentity['logo'] = null;
  let svg: string | null = null;
  if (upload) {
    const head = new TextDecoder().decode(upload.bytes.subarray(0, 512)).trimStart();
    if (head.startsWith('<') || /\.svg$/i.test(upload.fileName)) {
      // Loaded when a logo is uploaded: the XML parser is not needed to serve pages.
      const { sanitizeSvgLogo } = await import('./svg-logo.ts');
      svg = sanitizeSvgLogo(upload.bytes);
    } else {
      const blob = await deps.files.put(
        (async function* () {
          yield upload.bytes;
        })(),
        { maxBytes: 1024 * 1024, stripImageMetadata: true },
      );
      if (blob.mediaType !== 'image/png' && blob.mediaType !== 'image/webp') {
        throw new ValidationError('logo: A logo is an SVG, PNG or WebP image', [
          { path: 'logo', message: 'An SVG, PNG or WebP image' },
        ]);
      }
      await deps.repos.files.ensureStoredFile(blob, deps.clock.now().toISOString());
      logo = { sha256: blob.sha256, mediaType: blob.mediaType };
    }
  }
  await deps.transactor.transaction(async (tx) => {
    if (svg !== null) {
      const sha256 = await putAsset(deps, new TextEncoder().encode(svg), 'image/svg+xml', tx);
      logo = { sha256, mediaType: 'image/svg+xml' };
    }
    const identity = await readIdentity(deps, tx);
    await writeIdentity(deps, { ...identity, logo }, actor, 'logo', tx);
  });
}

export async function addFont(
  deps: IdentityDeps,
  input: { bytes: Uint8Array; family: string; weight: string; style: string; use: string },
  actor: Actor,
): Promise<void> {
  const font = checkFont(input);
  await deps.transactor.transaction(async (tx) => {
    const sha256 = await putAsset(deps, input.bytes, 'font/woff2', tx);
    const identity = await readIdentity(deps, tx);
    const fonts = (identity.fonts ?? []).filter((f) => f.sha256 !== sha256);
    fonts.push({ ...font, sha256 });
    await writeIdentity(deps, { ...identity, fonts }, actor, 'font', tx);
  });
}

export async function removeFont(deps: IdentityDeps, sha256: string, actor: Actor): Promise<void> {
  await deps.transactor.transaction(async (tx) => {
    const identity = await readIdentity(deps, tx);
    const fonts = (identity.fonts ?? []).filter((f) => f.sha256 !== sha256);
    await writeIdentity(deps, { ...identity, fonts }, actor, 'font', tx);
  });
}
