import { z } from 'zod';

/**
 * The manifest of a full export: the first entry of the tar, followed by `manifest.sha256`
 * (its own hash), the tables in load order, then the stored files. Every part is listed with
 * its size and SHA-256, so a restore can check the whole archive before it writes anything.
 */
export const ARCHIVE_FORMAT = 'dossier-export';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_HASH_NAME = 'manifest.sha256';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const tableName = z.string().regex(/^[a-z_][a-z0-9_]*$/);

export const tablePartSchema = z.object({
  table: tableName,
  path: z.string(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256,
  columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
  primaryKey: z.array(z.string()).min(1),
});

export const filePartSchema = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256,
});

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  /** The latest migration the exported database had run: its schema version. */
  schemaVersion: z.string(),
  migrations: z.array(z.string()),
  createdAt: z.string(),
  sourceDialect: z.enum(['sqlite', 'postgres']),
  counts: z.object({
    tables: z.number().int().nonnegative(),
    rows: z.number().int().nonnegative(),
    files: z.number().int().nonnegative(),
    fileBytes: z.number().int().nonnegative(),
  }),
  /** Tables left out on purpose, with the reason (derived or ephemeral data). */
  excludedTables: z.record(z.string(), z.string()),
  tables: z.array(tablePartSchema),
  files: z.array(filePartSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type TablePart = z.infer<typeof tablePartSchema>;
export type FilePart = z.infer<typeof filePartSchema>;

export const tablePath = (table: string) => `tables/${table}.jsonl`;
export const filePath = (sha: string) => `files/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;

/** Parses a manifest's bytes; null when they are not a manifest of this format. */
export function parseManifest(text: string): Manifest | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return null;
  const m = parsed.data;
  const consistent =
    m.tables.every((t) => t.path === tablePath(t.table)) &&
    m.files.every((f) => f.path === filePath(f.sha256)) &&
    m.counts.tables === m.tables.length &&
    m.counts.files === m.files.length &&
    m.counts.rows === m.tables.reduce((n, t) => n + t.rows, 0) &&
    new Set([...m.tables.map((t) => t.path), ...m.files.map((f) => f.path)]).size ===
      m.tables.length + m.files.length;
  return consistent ? m : null;
}

/** Every part the manifest promises, by path. */
export function expectedParts(m: Manifest): Map<string, { bytes: number; sha256: string }> {
  return new Map<string, { bytes: number; sha256: string }>([
    ...m.tables.map((t) => [t.path, { bytes: t.bytes, sha256: t.sha256 }] as const),
    ...m.files.map((f) => [f.path, { bytes: f.bytes, sha256: f.sha256 }] as const),
  ]);
}
