/**
 * `npm run bench:ingest`: how fast Dossier reads PDFs, against poppler's pdftotext on the same
 * files in the same run. Two sets: the 42 real PDFs of ../shared/corpus/pdf (when present) and
 * a generated set of 2,000 pages (20 files of 100). Each measure runs three times; the medians
 * are printed and all runs are written to bench/results/ingest-<date>.json.
 *
 * Dossier's figure is the PDF sandbox as the job runner uses it: one child process per core,
 * warmed up, files given to it all at once. pdftotext's is one process per file, one file at a
 * time, as tools call it. Thumbnails are measured apart from text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PdfSandbox } from '../src/infra/pdf/pdf-sandbox.ts';
import { writeTextPdf } from '../src/infra/pdf/write-text-pdf.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 3;

interface PdfFile {
  name: string;
  bytes: Uint8Array;
  path: string;
}

interface SetResult {
  set: string;
  files: number;
  pages: number;
  dossierTextPagesPerSecond: number[];
  dossierTextAndThumbnailPagesPerSecond: number[];
  thumbnailsPerSecond: number[];
  pdftotextPagesPerSecond: number[] | null;
  ratioTextToPdftotext: number | null;
  dossierChildPeakRssBytes: number;
  pdftotextPeakRssBytes: number | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const hasTime = existsSync('/usr/bin/time');

async function dossierRun(sandbox: PdfSandbox, files: PdfFile[], thumbnails: boolean) {
  const started = performance.now();
  let pages = 0;
  await Promise.all(
    files.map((f) =>
      sandbox
        .extract(f.bytes.slice(), { thumbnailWidth: thumbnails ? 320 : null })
        .then((r) => {
          pages += r.pageCount;
        })
        .catch(() => {}),
    ),
  );
  return { pages, seconds: (performance.now() - started) / 1000 };
}

function pdftotextRun(files: PdfFile[], pagesOf: Map<string, number>) {
  const started = performance.now();
  let pages = 0;
  for (const f of files) {
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', f.path, '-'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (r.status === 0) pages += pagesOf.get(f.name) ?? 0;
  }
  return { pages, seconds: (performance.now() - started) / 1000 };
}

function pdftotextPeakRss(files: PdfFile[]): number | null {
  if (!hasTime) return null;
  let peak = 0;
  for (const f of files) {
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', 'pdftotext', '-enc', 'UTF-8', f.path, '/dev/null'],
      {
        encoding: 'utf8',
      },
    );
    const kb = Number(r.stderr.trim().split('\n').at(-1));
    if (Number.isFinite(kb)) peak = Math.max(peak, kb * 1024);
  }
  return peak;
}

async function measure(set: string, files: PdfFile[]): Promise<SetResult> {
  const sandbox = new PdfSandbox();
  const pagesOf = new Map<string, number>();
  try {
    // Warm the children (start-up is paid once per server, not per file), and learn page counts.
    for (const f of files) {
      const r = await sandbox.extract(f.bytes.slice(), { thumbnailWidth: null }).catch(() => null);
      if (r) pagesOf.set(f.name, r.pageCount);
    }
    const pages = [...pagesOf.values()].reduce((a, b) => a + b, 0);
    const text: number[] = [];
    const withThumbs: number[] = [];
    const thumbs: number[] = [];
    const poppler: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const a = await dossierRun(sandbox, files, false);
      const b = await dossierRun(sandbox, files, true);
      text.push(a.pages / a.seconds);
      withThumbs.push(b.pages / b.seconds);
      thumbs.push(pagesOf.size / Math.max(0.001, b.seconds - a.seconds));
      if (hasPdftotext) {
        const p = pdftotextRun(files, pagesOf);
        poppler.push(p.pages / p.seconds);
      }
      process.stderr.write(`  ${set}: run ${run + 1}/${RUNS}\n`);
    }
    return {
      set,
      files: files.length,
      pages,
      dossierTextPagesPerSecond: text,
      dossierTextAndThumbnailPagesPerSecond: withThumbs,
      thumbnailsPerSecond: thumbs,
      pdftotextPagesPerSecond: hasPdftotext ? poppler : null,
      ratioTextToPdftotext: hasPdftotext ? median(text) / median(poppler) : null,
      dossierChildPeakRssBytes: sandbox.peakChildRssBytes,
      pdftotextPeakRssBytes: hasPdftotext ? pdftotextPeakRss(files) : null,
    };
  } finally {
    await sandbox.close();
  }
}

function corpusFiles(): PdfFile[] | null {
  const dir = resolve(ROOT, '../shared/corpus/pdf');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((name) => ({
      name,
      path: join(dir, name),
      bytes: new Uint8Array(readFileSync(join(dir, name))),
    }));
}

async function generatedFiles(): Promise<PdfFile[]> {
  const dir = join(ROOT, 'bench/.cache/generated-2000');
  mkdirSync(dir, { recursive: true });
  const files: PdfFile[] = [];
  for (let i = 0; i < 20; i++) {
    const name = `report-${String(i + 1).padStart(2, '0')}.pdf`;
    const path = join(dir, name);
    if (!existsSync(path)) {
      const pages = Array.from({ length: 100 }, (_, p) =>
        [
          `Report ${i + 1}, page ${p + 1}. Satellite imagery of Kwan-li-so No. 16 (Hwasŏng) shows new`,
          'guard posts and housing blocks along the perimeter fence; former prisoners describe forced labour.',
          '',
          '위성사진은 화성 16호 관리소 경계 울타리를 따라 새로 지어진 초소와 주거 건물을 보여준다.',
        ].join('\n'),
      );
      writeFileSync(path, await writeTextPdf({ title: `Generated report ${i + 1}`, pages }));
    }
    files.push({ name, path, bytes: new Uint8Array(readFileSync(path)) });
  }
  return files;
}

function machine() {
  const poppler = hasPdftotext
    ? (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).stderr.split('\n')[0] ?? null)
    : null;
  let prlimit: string | null = null;
  try {
    prlimit = execFileSync('prlimit', ['--version'], { encoding: 'utf8' }).trim();
  } catch {}
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    node: process.version,
    pdftotext: poppler,
    prlimit,
  };
}

const results: SetResult[] = [];
const corpus = corpusFiles();
if (corpus) results.push(await measure('corpus', corpus));
else console.warn('!! ../shared/corpus/pdf is missing: only the generated set is measured.');
results.push(await measure('generated-2000', await generatedFiles()));

const mb = (n: number | null) => (n === null ? 'n/a' : `${(n / 1024 / 1024).toFixed(0)} MB`);
const info = machine();
console.log(
  `\nmachine: ${info.cpu}, ${info.cores} cores, ${mb(info.memoryBytes)}, Node ${info.node}, ${info.pdftotext ?? 'no pdftotext'}`,
);
for (const r of results) {
  console.log(`\n${r.set}: ${r.files} files, ${r.pages} pages (median of ${RUNS} runs)`);
  console.log(`  Dossier text           ${median(r.dossierTextPagesPerSecond).toFixed(1)} pages/s`);
  console.log(
    `  Dossier text+thumbnail ${median(r.dossierTextAndThumbnailPagesPerSecond).toFixed(1)} pages/s`,
  );
  console.log(`  thumbnails alone       ${median(r.thumbnailsPerSecond).toFixed(1)} per second`);
  if (r.pdftotextPagesPerSecond) {
    console.log(
      `  pdftotext (1 at a time) ${median(r.pdftotextPagesPerSecond).toFixed(1)} pages/s`,
    );
    console.log(`  ratio Dossier/pdftotext ${r.ratioTextToPdftotext?.toFixed(2)}× (target ≥ 0.6×)`);
  }
  console.log(
    `  peak memory: Dossier child ${mb(r.dossierChildPeakRssBytes)}, pdftotext ${mb(r.pdftotextPeakRssBytes)}`,
  );
}
console.log(`  parent process peak: ${mb(process.resourceUsage().maxRSS * 1024)}`);

const date = new Date().toISOString().slice(0, 10);
const out = join(ROOT, 'bench/results', `ingest-${date}.json`);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), machine: info, runs: RUNS, parentPeakRssBytes: process.resourceUsage().maxRSS * 1024, results }, null, 2)}\n`,
);
console.log(`\nwrote ${out}`);
