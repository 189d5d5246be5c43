/**
 * `npx tsx bench/tiles.ts [--size 20000] [--runs 3]`: how fast a scene becomes static IIIF
 * tiles, against `vips dzsave --layout iiif3` (Debian's libvips-tools) on the same file with the
 * same tile size and JPEG quality: the same engine without Dossier around it.
 *
 * The scene is a size × size RGB TIFF of noise over gradients (noise is what JPEG tiles find
 * hardest), made once by sharp as a stream and cached in bench/.cache/. Each run tiles it into a
 * fresh folder; Dossier and vips alternate, `runs` times each. Dossier's tiling runs in a child
 * process (the whole `tileScene`: tiling, the level 0 check, the atomic rename), timed inside it
 * and measured for peak RSS by /usr/bin/time; vips is timed as a process. Megapixels per second,
 * the ratio of the medians and the peak RSS are printed and written to
 * bench/results/tiles-<date>.json, which `npm run bench` reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { TILE_SIZE, tileScene } from '../src/infra/imagery/tile-scene.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = join(ROOT, 'bench/results');
const PEAK_RSS_TARGET = 1024 ** 3;
const RATIO_TARGET = 0.7;

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    /** Internal: tile one scene in this process and print the seconds it took. */
    child: { type: 'string' },
    target: { type: 'string' },
  },
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function makeScene(size: number): Promise<string> {
  const dir = join(ROOT, 'bench/.cache');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `scene-${size}.tif`);
  if (existsSync(path)) return path;
  process.stderr.write(`making a ${size} × ${size} scene…\n`);
  // Gaussian noise under a gradient tile of 2,000 px repeated across it, all made as it streams.
  const steps = 2000;
  const gradient = Buffer.alloc(steps * steps * 3);
  for (let y = 0; y < steps; y++) {
    for (let x = 0; x < steps; x++) {
      gradient.set(
        [(x * 255) / steps, (y * 255) / steps, ((x + y) * 127) / steps],
        (y * steps + x) * 3,
      );
    }
  }
  const noise = { type: 'gaussian' as const, mean: 128, sigma: 30 };
  const partial = `${path}.partial`;
  await sharp({
    create: { width: size, height: size, channels: 3, noise, background: '#000000' },
    limitInputPixels: false,
  })
    .composite([
      {
        input: gradient,
        raw: { width: steps, height: steps, channels: 3 },
        tile: true,
        blend: 'overlay',
      },
    ])
    .tiff({ compression: 'jpeg', quality: 90, tile: true, tileWidth: 256, tileHeight: 256 })
    .toFile(partial);
  renameSync(partial, path);
  return path;
}

function timed(
  command: string,
  args: string[],
): { seconds: number; peakRssBytes: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss-kb=%M', command, ...args], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  const kb = Number(/maxrss-kb=(\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  return { seconds, peakRssBytes: kb * 1024, stdout: r.stdout };
}

function dossierRun(scene: string, target: string) {
  const r = timed(process.execPath, [
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    '--child',
    scene,
    '--target',
    target,
  ]);
  return { ...r, tilingSeconds: Number(r.stdout.trim().split('\n').at(-1)) };
}

function vipsRun(scene: string, target: string) {
  return timed('vips', [
    'dzsave',
    scene,
    target,
    '--layout',
    'iiif3',
    '--tile-size',
    String(TILE_SIZE),
    '--overlap',
    '0',
    '--suffix',
    '.jpg[Q=80]',
  ]);
}

async function main() {
  if (values.child && values.target) {
    const started = performance.now();
    await tileScene(values.child, values.target);
    process.stdout.write(`${(performance.now() - started) / 1000}\n`);
    return;
  }
  const size = Number(values.size);
  const runs = Number(values.runs);
  const megapixels = (size * size) / 1e6;
  const scene = await makeScene(size);
  const work = mkdtempSync(join(tmpdir(), 'dossier-tiles-'));
  const dossier: Array<{ seconds: number; tilingSeconds: number; peakRssBytes: number }> = [];
  const vips: Array<{ seconds: number; peakRssBytes: number }> = [];
  try {
    for (let run = 0; run < runs; run++) {
      const ours = dossierRun(scene, join(work, `dossier-${run}`));
      dossier.push({
        seconds: ours.seconds,
        tilingSeconds: ours.tilingSeconds,
        peakRssBytes: ours.peakRssBytes,
      });
      rmSync(join(work, `dossier-${run}`), { recursive: true, force: true });
      const theirs = vipsRun(scene, join(work, `vips-${run}`));
      vips.push({ seconds: theirs.seconds, peakRssBytes: theirs.peakRssBytes });
      rmSync(join(work, `vips-${run}`), { recursive: true, force: true });
      process.stderr.write(
        `run ${run + 1}/${runs}: Dossier ${ours.tilingSeconds.toFixed(1)} s (process ${ours.seconds.toFixed(1)} s), vips ${theirs.seconds.toFixed(1)} s\n`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ourRate = megapixels / median(dossier.map((d) => d.tilingSeconds));
  const ourProcessRate = megapixels / median(dossier.map((d) => d.seconds));
  const vipsRate = megapixels / median(vips.map((v) => v.seconds));
  const peakRss = Math.max(...dossier.map((d) => d.peakRssBytes));
  const report = {
    date: new Date().toISOString(),
    scene: { width: size, height: size, megapixels, file: 'RGB TIFF, 256 px JPEG tiles, Q90' },
    tileSize: TILE_SIZE,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryBytes: totalmem(),
      node: process.version,
      sharpLibvips: sharp.versions.vips,
      vips: spawnSync('vips', ['--version'], { encoding: 'utf8' }).stdout.trim(),
    },
    dossier,
    vips,
    dossierMegapixelsPerSecond: ourRate,
    dossierProcessMegapixelsPerSecond: ourProcessRate,
    vipsMegapixelsPerSecond: vipsRate,
    ratio: ourRate / vipsRate,
    dossierPeakRssBytes: peakRss,
    targets: { ratio: RATIO_TARGET, peakRssBytes: PEAK_RSS_TARGET },
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    join(RESULTS, `tiles-${report.date.slice(0, 10)}.json`),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  process.stdout.write(
    `${[
      `machine: ${report.machine.cpu}, ${report.machine.cores} cores; sharp's libvips ${report.machine.sharpLibvips}, ${report.machine.vips}`,
      `scene: ${size} × ${size} (${megapixels} MP), ${TILE_SIZE} px tiles, ${runs} runs each, medians`,
      `Dossier tileScene: ${ourRate.toFixed(1)} MP/s (with process start ${ourProcessRate.toFixed(1)} MP/s), peak RSS ${mb(peakRss)}`,
      `vips dzsave:       ${vipsRate.toFixed(1)} MP/s`,
      `ratio ${report.ratio.toFixed(2)} (target ≥ ${RATIO_TARGET} ${verdict(report.ratio >= RATIO_TARGET)}), peak RSS ≤ 1 GB ${verdict(peakRss <= PEAK_RSS_TARGET)}`,
    ].join('\n')}\n`,
  );
}

await main();
