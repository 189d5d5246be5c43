import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  const cwd = '/srv/dossier';

  it('defaults to port 3000 and SQLite in ./data', () => {
    const c = loadConfig({}, cwd);
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/dossier/data');
    expect(c.filesDir).toBe('/srv/dossier/data/files');
    expect(c.database).toEqual({ kind: 'sqlite', path: '/srv/dossier/data/dossier.db' });
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('puts the default SQLite file inside DATA_DIR', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/dossier' }, cwd).database).toEqual({
      kind: 'sqlite',
      path: '/var/lib/dossier/dossier.db',
    });
  });

  it.each([
    ['archive.db', '/srv/dossier/archive.db'],
    ['/data/a.db', '/data/a.db'],
    ['sqlite:archive.db', '/srv/dossier/archive.db'],
    ['sqlite:///var/a.db', '/var/a.db'],
    ['file:/var/b.db', '/var/b.db'],
    ['file:///var/c.db', '/var/c.db'],
  ])('reads DATABASE_URL %s as the SQLite file %s', (url, path) => {
    expect(loadConfig({ DATABASE_URL: url }, cwd).database).toEqual({ kind: 'sqlite', path });
  });

  it.each(['postgres://u@db/archive', 'postgresql://u:p@127.0.0.1:5432/test'])(
    'selects PostgreSQL for %s',
    (url) => {
      expect(loadConfig({ DATABASE_URL: url }, cwd).database).toEqual({ kind: 'postgres', url });
    },
  );

  it.each(['mysql://root@localhost/db', 'mongodb://x', 'http://example.org/db'])(
    'refuses the unsupported scheme in %s with a clear error',
    (url) => {
      expect(() => loadConfig({ DATABASE_URL: url }, cwd)).toThrow(/scheme .* is not supported/);
    },
  );

  it('reads the trusted proxies, and refuses one that is not an address or a range by name', () => {
    expect(
      loadConfig({ DOSSIER_TRUSTED_PROXIES: ' 10.0.0.0/8, ::1 ' }, cwd).trustedProxies,
    ).toEqual(['10.0.0.0/8', '::1']);
    expect(loadConfig({}, cwd).trustedProxies).toEqual([]);
    expect(() => loadConfig({ DOSSIER_TRUSTED_PROXIES: 'nginx.local' }, cwd)).toThrow(
      /DOSSIER_TRUSTED_PROXIES: "nginx.local"/,
    );
  });

  it('reads the CDN purge address, and refuses one that is not an http(s) URL', () => {
    expect(
      loadConfig({ DOSSIER_CDN_PURGE_URL: 'https://cdn.example.net/purge' }, cwd).cdnPurgeUrl,
    ).toBe('https://cdn.example.net/purge');
    expect(loadConfig({}, cwd).cdnPurgeUrl).toBeNull();
    expect(() => loadConfig({ DOSSIER_CDN_PURGE_URL: 'ftp://cdn.example.net' }, cwd)).toThrow(
      /http:\/\/ or https:\/\//,
    );
  });

  it('reads a time-stamping authority only with its CA certificate, both or neither', () => {
    expect(
      loadConfig({ DOSSIER_TSA_URL: 'http://tsa.example.net/', DOSSIER_TSA_CA_FILE: 'ca.pem' }, cwd)
        .timestamping,
    ).toEqual({ url: 'http://tsa.example.net/', caFile: resolve(cwd, 'ca.pem') });
    expect(loadConfig({}, cwd).timestamping).toBeNull();
    expect(() => loadConfig({ DOSSIER_TSA_URL: 'http://tsa.example.net/' }, cwd)).toThrow(
      /set together/,
    );
    expect(() => loadConfig({ DOSSIER_TSA_CA_FILE: 'ca.pem' }, cwd)).toThrow(ConfigError);
    expect(() =>
      loadConfig({ DOSSIER_TSA_URL: 'tsa.example.net', DOSSIER_TSA_CA_FILE: 'ca.pem' }, cwd),
    ).toThrow(/not a URL/);
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, cwd)).toThrow(ConfigError);
  });

  it('keeps PUBLIC_URL without a trailing slash and refuses a relative one', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://hrnk.example.org/archive/' }, cwd).publicUrl).toBe(
      'https://hrnk.example.org/archive',
    );
    expect(() => loadConfig({ PUBLIC_URL: '/archive' }, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x.org' }, cwd)).toThrow(ConfigError);
  });
});

describe('read replicas in the configuration', () => {
  const primary = 'postgres://app@db-1.internal/dossier';

  it('takes one replica or several, separated by commas', () => {
    const config = loadConfig({
      DATABASE_URL: primary,
      DATABASE_REPLICA_URL:
        'postgres://app@db-2.internal/dossier, postgres://app@db-3.internal/dossier',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: primary,
      replicaUrls: ['postgres://app@db-2.internal/dossier', 'postgres://app@db-3.internal/dossier'],
    });
  });

  it('refuses replicas of SQLite and a replica that is not a postgres:// URL', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://app@db-2/dossier' })).toThrow(
      /needs a PostgreSQL DATABASE_URL/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'mysql://db-2/dossier' }),
    ).toThrow(ConfigError);
  });
});

describe('capturing cited sources in the configuration', () => {
  it('is off unless turned on, and takes the hosts allowed for testing', () => {
    expect(loadConfig({}).captureSources).toBeNull();
    expect(
      loadConfig({
        DOSSIER_CAPTURE_SOURCES: 'on',
        DOSSIER_CAPTURE_ALLOW_HOSTS: 'Test.Local, 127.0.0.1',
      }).captureSources,
    ).toEqual({ allowHosts: ['test.local', '127.0.0.1'] });
  });

  it('refuses a proxy it would not use, and a value it does not know', () => {
    expect(() => loadConfig({ DOSSIER_CAPTURE_PROXY: 'http://proxy:3128' })).toThrow(
      /not supported/,
    );
    expect(() => loadConfig({ DOSSIER_CAPTURE_SOURCES: 'sometimes' })).toThrow(ConfigError);
  });
});
