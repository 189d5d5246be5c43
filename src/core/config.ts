import { isAbsolute, resolve } from 'node:path';
import { trustedProxyList } from './client-address.ts';

/**
 * The whole configuration, read once from the environment. Everything else lives in
 * the database's settings, where editors can change it.
 */
export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | {
      kind: 'postgres';
      url: string;
      /** Streaming replicas of `url` that take anonymous reads (`DATABASE_REPLICA_URL`). */
      replicaUrls?: readonly string[];
    };

export interface Config {
  port: number;
  dataDir: string;
  filesDir: string;
  database: DatabaseConfig;
  /** The absolute base of every absolute link. Never taken from a request's Host header. */
  publicUrl: string;
  /**
   * The reverse proxies whose `X-Forwarded-For` names the client (`DOSSIER_TRUSTED_PROXIES`):
   * addresses and CIDR ranges. None by default: the socket's peer is the client.
   */
  trustedProxies?: readonly string[];
  /**
   * Where to send purges of a CDN in front of the archive (`DOSSIER_CDN_PURGE_URL`); with it,
   * kept pages carry surrogate keys (core/cdn.ts). None by default.
   */
  cdnPurgeUrl?: string | null;
  /**
   * Captures of the sources pieces cite (`DOSSIER_CAPTURE_SOURCES=on`): off by default, since
   * fetching tells each cited site that the archive is looking. `allowHosts`
   * (`DOSSIER_CAPTURE_ALLOW_HOSTS`) are fetched whatever their address, for testing.
   */
  captureSources?: { allowHosts: readonly string[] } | null;
  /**
   * The RFC 3161 time-stamping authority that proves what was published when
   * (`DOSSIER_TSA_URL`), and the CA certificate that verifies its answers
   * (`DOSSIER_TSA_CA_FILE`, PEM). Both or neither; none by default: nothing is timestamped.
   */
  timestamping?: TimestampingConfig | null;
}

export interface TimestampingConfig {
  url: string;
  caFile: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = parsePort(env.PORT);
  const dataDir = resolve(cwd, env.DATA_DIR || './data');
  return {
    port,
    dataDir,
    filesDir: resolve(dataDir, 'files'),
    database: withReplicas(
      parseDatabaseUrl(env.DATABASE_URL, dataDir, cwd),
      env.DATABASE_REPLICA_URL,
    ),
    publicUrl: parsePublicUrl(env.PUBLIC_URL, port),
    trustedProxies: parseTrustedProxies(env.DOSSIER_TRUSTED_PROXIES),
    cdnPurgeUrl: parseCdnPurgeUrl(env.DOSSIER_CDN_PURGE_URL),
    captureSources: parseCaptureSources(env),
    timestamping: parseTimestamping(env.DOSSIER_TSA_URL, env.DOSSIER_TSA_CA_FILE, cwd),
  };
}

/** An authority is usable only with the certificate that checks it: both are given, or neither. */
function parseTimestamping(
  rawUrl: string | undefined,
  rawCaFile: string | undefined,
  cwd: string,
): TimestampingConfig | null {
  if (!rawUrl && !rawCaFile) return null;
  if (!rawUrl || !rawCaFile) {
    throw new ConfigError('DOSSIER_TSA_URL and DOSSIER_TSA_CA_FILE must be set together');
  }
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ConfigError(`DOSSIER_TSA_URL "${rawUrl}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('DOSSIER_TSA_URL must be an http:// or https:// URL');
  }
  return { url: url.href, caFile: resolve(cwd, rawCaFile) };
}

/**
 * `DATABASE_REPLICA_URL`: one postgres:// URL, or several separated by commas, each a streaming
 * replica of the primary in `DATABASE_URL`.
 */
export function withReplicas(database: DatabaseConfig, raw: string | undefined): DatabaseConfig {
  const urls = (raw ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length === 0) return database;
  if (database.kind !== 'postgres') {
    throw new ConfigError('DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL');
  }
  for (const url of urls) {
    let valid = /^postgres(ql)?:\/\//i.test(url);
    try {
      new URL(url);
    } catch {
      valid = false;
    }
    if (!valid) throw new ConfigError('DATABASE_REPLICA_URL holds a URL that is not postgres://');
  }
  return { ...database, replicaUrls: urls };
}

function parseCaptureSources(env: NodeJS.ProcessEnv): { allowHosts: string[] } | null {
  if (env.DOSSIER_CAPTURE_PROXY) {
    throw new ConfigError('DOSSIER_CAPTURE_PROXY is not supported yet: captures connect directly');
  }
  const raw = (env.DOSSIER_CAPTURE_SOURCES ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'off' || raw === '0' || raw === 'false') return null;
  if (raw !== 'on' && raw !== '1' && raw !== 'true') {
    throw new ConfigError(`DOSSIER_CAPTURE_SOURCES must be "on" or "off", not "${raw}"`);
  }
  const allowHosts = (env.DOSSIER_CAPTURE_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return { allowHosts };
}

function parseCdnPurgeUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DOSSIER_CDN_PURGE_URL "${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('DOSSIER_CDN_PURGE_URL must be an http:// or https:// URL');
  }
  return url.href;
}

/** A comma-separated list of addresses and CIDR ranges; each is checked now, not at a request. */
export function parseTrustedProxies(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  try {
    trustedProxyList(entries);
  } catch (error) {
    throw new ConfigError(`DOSSIER_TRUSTED_PROXIES: ${(error as Error).message}`);
  }
  return entries;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${raw}"`);
  }
  return port;
}

export function parseDatabaseUrl(
  raw: string | undefined,
  dataDir: string,
  cwd = process.cwd(),
): DatabaseConfig {
  if (raw === undefined || raw === '') {
    return { kind: 'sqlite', path: resolve(dataDir, 'dossier.db') };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL is not a valid postgres:// URL');
    }
    return { kind: 'postgres', url: raw };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'sqlite' || scheme === 'file') {
    const rest = raw.slice(scheme.length + 1).replace(/^\/\/(?=\/)/, '');
    const path = decodeURIComponent(rest.split('?')[0] ?? '');
    if (!path) throw new ConfigError(`DATABASE_URL "${raw}" names no SQLite file`);
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(cwd, path) };
  }
  // A Windows drive letter looks like a scheme; anything else with a scheme is a mistake.
  if (scheme && !(scheme.length === 1 && isAbsolute(raw))) {
    throw new ConfigError(
      `DATABASE_URL scheme "${scheme}:" is not supported; use a file path, sqlite:, file:, or postgres://`,
    );
  }
  return { kind: 'sqlite', path: resolve(cwd, raw) };
}

function parsePublicUrl(raw: string | undefined, port: number): string {
  const value = raw || `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must use http or https, not "${url.protocol}"`);
  }
  // Kept without a trailing slash so that `${publicUrl}/path` is always right.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
