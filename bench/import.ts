/**
 * `npm run bench:import`: memory and speed of the WordPress import on a generated 100 MB export.
 * The file (bench/.cache/wxr-100mb.xml, or another size with BENCH_IMPORT_MB: posts of about 50 KB of HTML each, with authors,
 * categories, tags and footnotes) is made once. Two measures, each in this process with RSS
 * sampled every 50 ms: reading the whole file with the streaming reader alone, then the full
 * import into a fresh SQLite database (both passes, every publication saved, indexed and
 * audited). Results go to bench/results/import-<date>.json.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '../src/context.ts';
import { cliActor } from '../src/core/actor.ts';
import { loadConfig } from '../src/core/config.ts';
import { importWxr } from '../src/features/import/import-wxr.ts';
import { DEFAULT_WXR_MAPPING } from '../src/features/import/wxr-mapping.ts';
import { readWxr } from '../src/features/import/wxr-reader.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CACHE = join(ROOT, 'bench/.cache');
/** BENCH_IMPORT_MB=25 makes and measures a smaller export, to compare peaks across sizes. */
const SIZE_MB = Number(process.env.BENCH_IMPORT_MB ?? 100);
const FILE = join(CACHE, `wxr-${SIZE_MB}mb.xml`);
const TARGET_BYTES = SIZE_MB * 1024 * 1024;

const WORDS =
  'human rights north korea commission inquiry prison camp satellite imagery refugees testimony food famine detention labor family separation accountability sanctions dialogue'.split(
    ' ',
  );

function paragraph(seed: number): string {
  const words: string[] = [];
  for (let i = 0; i < 90; i++) words.push(WORDS[(seed * 31 + i * 7) % WORDS.length] ?? 'x');
  return `${words.join(' ')}.`;
}

function item(n: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let p = 0; size < 50_000; p++) {
    const text = p % 12 === 5 ? `<h2>Part ${p}</h2>\n\n${paragraph(n + p)}` : paragraph(n + p);
    paragraphs.push(p % 9 === 3 ? `${text}<sup><a href="#fn${p}">${p}</a></sup>` : text);
    size += text.length;
  }
  const notes = paragraphs
    .map((_t, p) => (p % 9 === 3 ? `<li id="fn${p}">Source ${p} for post ${n}.</li>` : ''))
    .join('');
  const day = String((n % 28) + 1).padStart(2, '0');
  return `<item>
<title>Generated report ${n}</title>
<link>https://bench.example.org/2016/01/${day}/generated-report-${n}/</link>
<dc:creator><![CDATA[author${n % 25}]]></dc:creator>
<content:encoded><![CDATA[${paragraphs.join('\n\n')}
<ol class="footnotes">${notes}</ol>]]></content:encoded>
<excerpt:encoded><![CDATA[Summary of generated report ${n}.]]></excerpt:encoded>
<wp:post_id>${n}</wp:post_id>
<wp:post_date>2016-01-${day} 10:00:00</wp:post_date>
<wp:post_date_gmt>2016-01-${day} 10:00:00</wp:post_date_gmt>
<wp:post_name>generated-report-${n}</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type>post</wp:post_type>
<category domain="category" nicename="topic-${n % 40}"><![CDATA[Topic ${n % 40}]]></category>
<category domain="post_tag" nicename="tag-${n % 200}"><![CDATA[Tag ${n % 200}]]></category>
</item>
`;
}

async function generate(): Promise<void> {
  if (existsSync(FILE) && statSync(FILE).size >= TARGET_BYTES) return;
  mkdirSync(CACHE, { recursive: true });
  const out = createWriteStream(FILE);
  const write = (s: string) =>
    new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated</title>
<link>https://bench.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>
`);
  for (let a = 0; a < 25; a++) {
    await write(
      `<wp:author><wp:author_login>author${a}</wp:author_login><wp:author_display_name><![CDATA[Author Number${a}]]></wp:author_display_name></wp:author>\n`,
    );
  }
  let written = 0;
  for (let n = 1; written < TARGET_BYTES; n++) {
    const s = item(n);
    written += Buffer.byteLength(s);
    await write(s);
  }
  await write('</channel>\n</rss>\n');
  await new Promise<void>((resolve) => out.end(resolve));
}

/** Runs `fn`, sampling the resident set size; returns the time and the peak seen. */
async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakRss: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const result = await fn();
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      peakRss: Math.max(peak, process.memoryUsage().rss),
    };
  } finally {
    clearInterval(timer);
  }
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

await generate();
const bytes = statSync(FILE).size;
const baseline = process.memoryUsage().rss;
console.log(`export: ${FILE} (${mb(bytes)}), baseline RSS ${mb(baseline)}`);

const read = await measured(async () => {
  let items = 0;
  await readWxr(createReadStream(FILE), (r) => {
    if (r.kind === 'item') items++;
  });
  return items;
});
console.log(
  `read only:   ${read.result} items in ${read.seconds.toFixed(1)} s = ${(read.result / read.seconds).toFixed(0)} items/s, ${(bytes / 1024 / 1024 / read.seconds).toFixed(1)} MB/s, peak RSS ${mb(read.peakRss)}`,
);

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-import-'));
const ctx = await createContext(loadConfig({ DATA_DIR: dir }));
// RSS at each tenth of the items: flat memory means these do not climb with the items read.
const rssByTenth: number[] = [];
const full = await measured(() =>
  importWxr(ctx, {
    file: FILE,
    mapping: DEFAULT_WXR_MAPPING,
    dryRun: false,
    actor: cliActor(),
    onProgress: (done, total) => {
      if (done > 0 && done % Math.ceil(total / 10) === 0)
        rssByTenth.push(process.memoryUsage().rss);
    },
  }),
);
await ctx.close();
rmSync(dir, { recursive: true, force: true });
const created = full.result.counts.publications?.created ?? 0;
console.log(`RSS at each tenth of the import: ${rssByTenth.map(mb).join(', ')}`);
console.log(
  `full import: ${created} publications in ${full.seconds.toFixed(1)} s = ${(created / full.seconds).toFixed(1)} items/s, peak RSS ${mb(full.peakRss)} (SQLite)`,
);

const date = new Date().toISOString().slice(0, 10);
const out = join(
  ROOT,
  'bench/results',
  `import-${SIZE_MB === 100 ? '' : `${SIZE_MB}mb-`}${date}.json`,
);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      fileBytes: bytes,
      baselineRssBytes: baseline,
      readOnly: {
        items: read.result,
        seconds: read.seconds,
        itemsPerSecond: read.result / read.seconds,
        peakRssBytes: read.peakRss,
      },
      fullImport: {
        database: 'sqlite',
        publications: created,
        seconds: full.seconds,
        itemsPerSecond: created / full.seconds,
        peakRssBytes: full.peakRss,
        rssByTenthBytes: rssByTenth,
        summary: full.result,
      },
    },
    null,
    2,
  )}\n`,
);
console.log(`written to ${out}`);
