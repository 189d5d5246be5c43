import { describe, expect, it } from 'vitest';
import { filePath, parseManifest, tablePath } from './manifest.ts';
import { decodeRow, encodeRow, lineSplitter } from './rows.ts';
import { loadOrder, respectsForeignKeys, type TableShape } from './table-order.ts';

const shape = (name: string, refs: string[] = []): TableShape => ({
  name,
  columns: ['id'],
  primaryKey: ['id'],
  foreignKeys: refs.map((table) => ({ column: `${table}_id`, table })),
});

describe('load order', () => {
  it('puts every referenced table first, ties by name, and ignores self-references', () => {
    const tables = [
      shape('contributions', ['publications', 'people']),
      shape('publications', ['sections']),
      shape('places', ['places']),
      shape('sections'),
      shape('people'),
    ];
    const order = loadOrder(tables);
    expect(order).toEqual(['people', 'places', 'sections', 'publications', 'contributions']);
    expect(respectsForeignKeys(order, tables)).toBe(true);
    expect(respectsForeignKeys([...order].reverse(), tables)).toBe(false);
  });

  it('refuses a cycle between two tables', () => {
    expect(() => loadOrder([shape('a', ['b']), shape('b', ['a'])])).toThrow(/cycle.*a, b/);
  });
});

describe('rows', () => {
  it('round-trips text, numbers, nulls and bytes in column order', () => {
    const line = encodeRow(['id', 'title', 'lat', 'blob', 'gone'], {
      gone: null,
      blob: new Uint8Array([0, 255]),
      lat: 41.5,
      title: '북한 "quoted"\nline',
      id: 7,
    });
    expect(line).toBe(
      '{"id":7,"title":"북한 \\"quoted\\"\\nline","lat":41.5,"blob":{"$base64":"AP8="},"gone":null}\n',
    );
    const row = decodeRow(line.trimEnd(), ['id', 'title', 'lat', 'blob', 'gone'])!;
    expect(row.title).toBe('북한 "quoted"\nline');
    expect([...(row.blob as Uint8Array)]).toEqual([0, 255]);
  });

  it('rejects a line that is not a record of the table', () => {
    expect(decodeRow('{"id":1}', ['id', 'title'])).toBeNull();
    expect(decodeRow('{"id":1,"x":2}', ['id', 'title'])).toBeNull();
    expect(decodeRow('{"id":[1]}', ['id'])).toBeNull();
    expect(decodeRow('{"id":1', ['id'])).toBeNull();
  });

  it('splits lines across chunk boundaries', () => {
    const s = lineSplitter();
    expect(s.push('{"a":1}\n{"a"')).toEqual(['{"a":1}']);
    expect(s.push(':2}\n')).toEqual(['{"a":2}']);
    expect(s.end()).toBe('');
  });
});

describe('manifest', () => {
  const sha = 'a'.repeat(64);
  const valid = {
    format: 'dossier-export',
    formatVersion: 1,
    schemaVersion: '0020-accounts',
    migrations: ['0001-content-model', '0020-accounts'],
    createdAt: '2026-06-01T12:00:00.000Z',
    sourceDialect: 'sqlite',
    counts: { tables: 1, rows: 2, files: 1, fileBytes: 10 },
    excludedTables: {},
    tables: [
      {
        table: 'topics',
        path: tablePath('topics'),
        rows: 2,
        bytes: 40,
        sha256: sha,
        columns: ['id', 'slug'],
        primaryKey: ['id'],
      },
    ],
    files: [{ path: filePath(sha), bytes: 10, sha256: sha }],
  };

  it('accepts a consistent manifest', () => {
    expect(parseManifest(JSON.stringify(valid))?.schemaVersion).toBe('0020-accounts');
    expect(filePath(sha)).toBe(`files/aa/aa/${sha}`);
  });

  it('refuses counts, paths or formats that do not add up', () => {
    expect(
      parseManifest(JSON.stringify({ ...valid, counts: { ...valid.counts, rows: 3 } })),
    ).toBeNull();
    expect(
      parseManifest(
        JSON.stringify({ ...valid, files: [{ ...valid.files[0], path: '../etc/passwd' }] }),
      ),
    ).toBeNull();
    expect(parseManifest(JSON.stringify({ ...valid, format: 'other' }))).toBeNull();
    expect(parseManifest('{"format":')).toBeNull();
  });
});
