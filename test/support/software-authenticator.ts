import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/**
 * A passkey held in memory: a P-256 key that answers WebAuthn assertions the way an authenticator
 * does (authenticator data, client data, an ES256 signature over both), for tests that sign in
 * without a browser. It knows nothing of Dossier; the server checks it with the real verifier.
 */
export class SoftwareAuthenticator {
  readonly credentialId: string;
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  private counter = 0;

  constructor(credentialId = b64url(createHash('sha256').update(String(Math.random())).digest())) {
    this.credentialId = credentialId;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.publicJwk = { x: jwk.x!, y: jwk.y! };
  }

  /** The public key as COSE (RFC 9053: EC2, ES256, P-256) in base64, as the passkey row keeps it. */
  get cosePublicKeyBase64(): string {
    const x = Buffer.from(this.publicJwk.x, 'base64url');
    const y = Buffer.from(this.publicJwk.y, 'base64url');
    // CBOR map of five pairs: kty 2, alg -7, crv 1, x, y (each coordinate a 32-byte string).
    const cose = Buffer.concat([
      Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]),
      x,
      Buffer.from([0x22, 0x58, 0x20]),
      y,
    ]);
    return cose.toString('base64');
  }

  /** An assertion for `challenge` from a page at `origin`, user present and verified. */
  assert(challenge: string, origin: string, rpId = new URL(origin).hostname) {
    this.counter += 1;
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge, origin, crossOrigin: false }),
    );
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    const authenticatorData = Buffer.concat([
      createHash('sha256').update(rpId).digest(),
      Buffer.from([0x05]),
      counter,
    ]);
    const signature = sign(
      'sha256',
      Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]),
      this.privateKey,
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
      },
      clientExtensionResults: {},
    };
  }
}
