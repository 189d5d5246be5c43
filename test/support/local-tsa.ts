import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the authority answers: real replies, bytes that are no reply at all, or an error. */
export type TsaMode = 'reply' | 'garbage' | 'error';

/**
 * A time-stamping authority of our own for tests: a throwaway CA, a TSA certificate it signed
 * (extendedKeyUsage timeStamping, critical, as RFC 3161 demands), and a small HTTP server that
 * answers each query with `openssl ts -reply`. Real openssl signs every token.
 */
export interface LocalTsa {
  url: string;
  caFile: string;
  dir: string;
  /** Queries received, whatever was answered. */
  queries: number;
  mode: TsaMode;
  close(): Promise<void>;
}

const OPENSSL_CONFIG = (dir: string) => `
[ tsa ]
default_tsa = local_tsa

[ local_tsa ]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

function makeCertificates(dir: string): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem');
  writeFileSync(
    join(dir, 'tsa.ext'),
    [
      'basicConstraints = CA:FALSE',
      'keyUsage = critical, digitalSignature',
      'extendedKeyUsage = critical, timeStamping',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
    ].join('\n'),
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'tsa.key',
    '-out',
    'tsa.csr',
    '-subj',
    '/CN=Dossier test time-stamping unit',
  );
  openssl(
    'x509',
    ...['-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
    ...['-out', 'tsa.pem', '-days', '2', '-extfile', 'tsa.ext'],
  );
  writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(join(dir, 'openssl.cnf'), OPENSSL_CONFIG(dir));
}

/** `openssl req` asks nothing when its subject and validity come from the environment's config. */
function prepareRequestConfig(dir: string): void {
  writeFileSync(
    join(dir, 'req.cnf'),
    [
      '[ req ]',
      'distinguished_name = dn',
      'prompt = no',
      'x509_extensions = ca_ext',
      'default_days = 2',
      '[ dn ]',
      'CN = Dossier test CA',
      '[ ca_ext ]',
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
    ].join('\n'),
  );
}

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-tsa-'));
  prepareRequestConfig(dir);
  const previous = process.env.OPENSSL_CONF;
  process.env.OPENSSL_CONF = join(dir, 'req.cnf');
  try {
    makeCertificates(dir);
  } finally {
    if (previous === undefined) delete process.env.OPENSSL_CONF;
    else process.env.OPENSSL_CONF = previous;
  }
  let count = 0;
  const tsa: LocalTsa = {
    url: '',
    caFile: join(dir, 'ca.pem'),
    dir,
    get queries() {
      return count;
    },
    mode: 'reply',
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count++;
      answer(dir, count, tsa.mode, Buffer.concat(chunks)).then(
        (reply) => {
          res.writeHead(reply.status, { 'content-type': reply.type });
          res.end(reply.body);
        },
        () => {
          res.writeHead(500).end();
        },
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  // A suite that forgets to close it must still be able to end.
  server.unref();
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  tsa.close = async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  };
  return tsa;
}

async function answer(
  dir: string,
  n: number,
  mode: TsaMode,
  query: Buffer,
): Promise<{ status: number; type: string; body: Buffer }> {
  if (mode === 'error') return { status: 500, type: 'text/plain', body: Buffer.from('down') };
  const type = 'application/timestamp-reply';
  if (mode === 'garbage') return { status: 200, type, body: Buffer.from('not a reply at all') };
  const queryFile = join(dir, `query-${n}.tsq`);
  const replyFile = join(dir, `reply-${n}.tsr`);
  writeFileSync(queryFile, query);
  const config = join(dir, 'openssl.cnf');
  await run('openssl', [
    'ts',
    '-reply',
    '-config',
    config,
    '-queryfile',
    queryFile,
    '-out',
    replyFile,
  ]);
  return { status: 200, type, body: readFileSync(replyFile) };
}

/** `openssl ts -verify` of a reply over the data it stamps: its output, and whether it says OK. */
export async function opensslVerify(
  dataFile: string,
  replyFile: string,
  caFile: string,
): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run('openssl', [
      ...['ts', '-verify', '-data', dataFile, '-in', replyFile],
      ...['-CAfile', caFile],
    ]);
    const output = stdout + stderr;
    return { ok: /Verification: OK/.test(output), output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
