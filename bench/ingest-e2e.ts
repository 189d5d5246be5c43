/**
 * `npx tsx bench/ingest-e2e.ts [--quick] [--rounds N] [--sets corpus,generated]`: what a user
 * waits for when running `dossier ingest`, against poppler on the same files.
 *
 * Poppler's figure is `pdftotext` and a first-page thumbnail (`pdftoppm -f 1 -l 1 -scale-to 400
 * -png`) run one file at a time, as tools call them. Dossier's is the wall clock of the real
 * `bin/dossier.js ingest` process, from its start to its exit, on a fresh SQLite archive: page
 * text, metadata, thumbnails, the search index and the process's own start-up included. The two
 * run in turn (poppler, Dossier, poppler, Dossier…) and the medians are compared.
 *
 * The split of Dossier's time is measured in the same round with two more runs: the same command
 * given a missing file (process start-up, opening the archive, closing it), and the PDF sandbox
 * alone reading every file from cold children as the command does. What remains is the part of
 * storing the files, writing the rows, indexing them and waiting that extraction does not hide
 * (the command stores the next files while the children read the first ones).
 *
 * Two sets: the PDFs of ../shared/corpus/pdf (when present) and a generated set of 2,000 pages in
 * files of 1 to 100 pages (cached in bench/.cache/). `--quick` generates 200 pages and runs one
 * round, to show in CI that the benchmark runs. Writes bench/results/ingest-e2e-<date>.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createContext } from '../src/context.ts';
import { loadConfig } from '../src/core/config.ts';
import { PdfSandbox } from '../src/infra/pdf/pdf-sandbox.ts';
import { writeTextPdf } from '../src/infra/pdf/write-text-pdf.ts';
import { buildPublication, buildSection } from '../test/support/factories.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/dossier.js');
const PUBLICATION = 'reports/ingest-bench';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    sets: { type: 'string', default: 'corpus,generated' },
  },
});
const quick = values.quick;
const rounds = Number(values.rounds ?? (quick ? 1 : 3));

interface PdfSet {
  name: string;
  paths: string[];
  pages: number;
}

interface Round {
  popplerSeconds: number;
  dossierSeconds: number;
  dossierCpuSeconds: number;
  dossierPeakRssBytes: number;
  startupSeconds: number;
  sandboxSeconds: number;
  pagesIngested: number;
  load: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Page counts of the generated set: short notes to long reports, cycling until the total. */
function generatedPageCounts(total: number): number[] {
  const cycle = [1, 3, 12, 40, 2, 100, 6, 25, 1, 60, 8, 30];
  const counts: number[] = [];
  let sum = 0;
  for (let i = 0; sum < total; i++) {
    const n = Math.min(cycle[i % cycle.length]!, total - sum);
    counts.push(n);
    sum += n;
  }
  return counts;
}

async function generatedSet(total: number): Promise<PdfSet> {
  const dir = join(ROOT, `bench/.cache/ingest-e2e-${total}`);
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  const counts = generatedPageCounts(total);
  for (const [i, count] of counts.entries()) {
    const path = join(dir, `report-${String(i + 1).padStart(3, '0')}-${count}p.pdf`);
    if (!existsSync(path)) {
      const pages = Array.from({ length: count }, (_, p) =>
        [
          `Report ${i + 1}, page ${p + 1}. Satellite imagery of Kwan-li-so No. 16 (Hwasŏng) shows new`,
          'guard posts and housing blocks along the perimeter fence; former prisoners describe forced',
          `labour in the mines and fields of the camp, in interviews ${i * 7 + p} and ${i * 11 + p}.`,
          '',
          '위성사진은 화성 16호 관리소 경계 울타리를 따라 새로 지어진 초소와 주거 건물을 보여준다.',
        ].join('\n'),
      );
      writeFileSync(path, await writeTextPdf({ title: `Generated report ${i + 1}`, pages }));
    }
    paths.push(path);
  }
  return { name: `generated-${total}`, paths, pages: total };
}

function corpusSet(): PdfSet | null {
  const dir = resolve(ROOT, '../shared/corpus/pdf');
  if (!existsSync(dir)) return null;
  const paths = readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(dir, f));
  // pdfinfo's page counts, from the corpus's manifest; "?" for files poppler cannot read.
  const manifest = join(dir, 'MANIFEST.tsv');
  const pages = existsSync(manifest)
    ? readFileSync(manifest, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => Number(line.split('\t')[2]))
        .filter(Number.isFinite)
        .reduce((a, b) => a + b, 0)
    : 0;
  return { name: 'corpus', paths, pages };
}

function popplerRun(set: PdfSet, out: string): number {
  const started = performance.now();
  for (const path of set.paths) {
    spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
    spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-scale-to', '400', '-png', path, out], {
      stdio: 'ignore',
    });
  }
  return (performance.now() - started) / 1000;
}

/** A fresh SQLite archive with one publication to ingest into. */
async function freshArchive(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-ingest-e2e-'));
  const ctx = await createContext(loadConfig({ DATA_DIR: dataDir }));
  try {
    const section = await buildSection(ctx, { slug: 'reports' });
    await buildPublication(ctx, { sectionId: section.id, slug: 'ingest-bench', status: 'draft' });
  } finally {
    await ctx.close();
  }
  return dataDir;
}

interface CliRun {
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  stdout: string;
  code: number | null;
}

const TIME = '/usr/bin/time';

/**
 * Runs the real binary, under GNU time where it is installed: it reports the CPU time of the
 * command and its children (the PDF sandbox) and the peak resident size.
 */
function runIngest(dataDir: string, paths: string[]): Promise<CliRun> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir };
  const command = [BIN, 'ingest', ...paths, '--publication', PUBLICATION];
  const timed = existsSync(TIME);
  const [program, ...args] = timed ? [TIME, '-f', 'dossier-time %U %S %M', ...command] : command;
  return new Promise((resolveRun, reject) => {
    const started = performance.now();
    const child = spawn(program!, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const [user, sys, rssKb] = (/dossier-time (\S+) (\S+) (\S+)/.exec(stderr) ?? [])
        .slice(1)
        .map(Number);
      resolveRun({
        seconds,
        cpuSeconds: (user ?? 0) + (sys ?? 0),
        peakRssBytes: (rssKb ?? 0) * 1024,
        stdout,
        code,
      });
    });
  });
}

/** The PDF sandbox alone, from cold children, every file at once as the job runner gives them. */
async function sandboxRun(set: PdfSet): Promise<number> {
  const files = set.paths.map((p) => new Uint8Array(readFileSync(p)));
  const sandbox = new PdfSandbox();
  const started = performance.now();
  try {
    await Promise.all(files.map((bytes) => sandbox.extract(bytes).catch(() => null)));
    return (performance.now() - started) / 1000;
  } finally {
    await sandbox.close();
  }
}

async function measure(set: PdfSet): Promise<Round[]> {
  const out = mkdtempSync(join(tmpdir(), 'dossier-poppler-'));
  const results: Round[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const load = loadavg()[0]!;
      const popplerSeconds = popplerRun(set, join(out, 'thumb'));
      const dataDir = await freshArchive();
      const run = await runIngest(dataDir, set.paths);
      const ingested = /Ingested (\d+) of (\d+)/.exec(run.stdout);
      if (!ingested || run.code === null) throw new Error(`dossier ingest failed:\n${run.stdout}`);
      const startup = await runIngest(dataDir, [join(out, 'missing.pdf')]);
      rmSync(dataDir, { recursive: true, force: true });
      const sandboxSeconds = await sandboxRun(set);
      const pagesIngested = [...run.stdout.matchAll(/: (\d+) page\(s\)/g)]
        .map((m) => Number(m[1]))
        .reduce((a, b) => a + b, 0);
      results.push({
        popplerSeconds,
        dossierSeconds: run.seconds,
        dossierCpuSeconds: run.cpuSeconds,
        dossierPeakRssBytes: run.peakRssBytes,
        startupSeconds: startup.seconds,
        sandboxSeconds,
        pagesIngested,
        load,
      });
      process.stderr.write(
        `  ${set.name}: round ${round + 1}/${rounds}: poppler ${popplerSeconds.toFixed(2)} s, dossier ${run.seconds.toFixed(2)} s\n`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return results;
}

const sets: PdfSet[] = [];
for (const name of values.sets.split(',')) {
  if (name === 'corpus') {
    const corpus = corpusSet();
    if (corpus) sets.push(corpus);
    else console.warn('!! ../shared/corpus/pdf is missing: only the generated set is measured.');
  } else if (name === 'generated') sets.push(await generatedSet(quick ? 200 : 2000));
  else throw new Error(`--sets: no set "${name}" (corpus, generated)`);
}

const report: Array<{ set: string; files: number; pages: number; rounds: Round[] }> = [];
for (const set of sets) {
  report.push({
    set: set.name,
    files: set.paths.length,
    pages: set.pages,
    rounds: await measure(set),
  });
}

const popplerVersion = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).stderr.split('\n')[0];
console.log(
  `\nmachine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}, ${popplerVersion}, load now ${loadavg()[0]!.toFixed(2)}`,
);
for (const r of report) {
  const m = (pick: (x: Round) => number) => median(r.rounds.map(pick));
  const dossier = m((x) => x.dossierSeconds);
  const poppler = m((x) => x.popplerSeconds);
  const startup = m((x) => x.startupSeconds);
  const sandbox = m((x) => x.sandboxSeconds);
  const rest = dossier - startup - sandbox;
  const pct = (s: number) => `${((s / dossier) * 100).toFixed(0)}%`;
  console.log(
    `\n${r.set}: ${r.files} files, ${r.pages} pages by pdfinfo, ${r.rounds[0]?.pagesIngested} ingested (median of ${r.rounds.length}, load ${r.rounds.map((x) => x.load.toFixed(1)).join('/')})`,
  );
  console.log(`  poppler (pdftotext + pdftoppm, 1 at a time) ${poppler.toFixed(2)} s`);
  console.log(
    `  dossier ingest (process start to exit)       ${dossier.toFixed(2)} s, ${m((x) => x.dossierCpuSeconds).toFixed(1)} s CPU, peak ${(m((x) => x.dossierPeakRssBytes) / 2 ** 20).toFixed(0)} MB`,
  );
  console.log(`  ratio (poppler time / dossier time)          ${(poppler / dossier).toFixed(2)}×`);
  console.log(
    `  split: start-up and close ${startup.toFixed(2)} s (${pct(startup)}), PDF sandbox from cold ${sandbox.toFixed(2)} s (${pct(sandbox)}), the rest (storing, rows, index, waits) ${rest.toFixed(2)} s (${pct(rest)})`,
  );
}

const date = new Date().toISOString().slice(0, 10);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
const file = join(ROOT, 'bench/results', `ingest-e2e-${date}${quick ? '-quick' : ''}.json`);
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), report }, null, 2)}\n`);
console.log(`\nwrote ${file}`);
