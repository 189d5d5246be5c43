/**
 * One record per line: a JSON object keyed by the SQL column names, in the table's column order.
 * Both databases return the same values for the same row (ISO text instants, 0/1 flags, JSON
 * as text, numbers), so a row moved between them is byte-identical. Binary values, which no
 * exported table holds today, are written as `{"$base64": "…"}`.
 */
export type SqlValue = string | number | null | Uint8Array;

export function encodeRow(columns: readonly string[], row: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = encodeValue(row[c], c);
  return `${JSON.stringify(out)}\n`;
}

function encodeValue(v: unknown, column: string): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new Error(`Column ${column} holds an integer too large to export exactly`);
    }
    return Number(v);
  }
  if (v instanceof Uint8Array) return { $base64: Buffer.from(v).toString('base64') };
  if (v instanceof Date) return v.toISOString();
  throw new Error(`Column ${column} holds a value of an unexpected kind`);
}

export function decodeRow(
  line: string,
  columns: readonly string[],
): Record<string, SqlValue> | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const source = json as Record<string, unknown>;
  const keys = Object.keys(source);
  if (keys.length !== columns.length || !columns.every((c) => c in source)) return null;
  const row: Record<string, SqlValue> = {};
  for (const c of columns) {
    const v = source[c];
    if (v === null || typeof v === 'string' || typeof v === 'number') row[c] = v;
    else if (typeof v === 'object' && typeof (v as { $base64?: unknown }).$base64 === 'string') {
      row[c] = Buffer.from((v as { $base64: string }).$base64, 'base64');
    } else return null;
  }
  return row;
}

/** Splits a stream of text chunks into lines, holding back the unfinished last one. */
export function lineSplitter() {
  let rest = '';
  return {
    push(chunk: string): string[] {
      const text = rest + chunk;
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      return lines;
    },
    end(): string {
      const r = rest;
      rest = '';
      return r;
    },
  };
}
