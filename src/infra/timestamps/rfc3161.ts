import { createHash, randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { TokenCheck } from '../../core/timestamps.ts';

// pkijs works over WebCrypto: Node's own.
pkijs.setEngine(
  'node',
  new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }),
);

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
/** id-ct-TSTInfo (RFC 3161): what a time-stamp token's signed content must be. */
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';

const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** A TimeStampReq for a SHA-256 digest, with a fresh 64-bit nonce and the signer's certificate asked for. */
export function timestampRequest(sha256: Uint8Array): {
  der: Uint8Array<ArrayBuffer>;
  nonce: bigint;
} {
  const nonceBytes = randomBytes(8);
  nonceBytes[0] = (nonceBytes[0] ?? 0) & 0x7f; // a positive INTEGER
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: buffer(sha256) }),
    }),
    nonce: new asn1js.Integer({ valueHex: buffer(nonceBytes) }),
    certReq: true,
  });
  return {
    der: new Uint8Array(request.toSchema().toBER()),
    nonce: BigInt(`0x${nonceBytes.toString('hex')}`),
  };
}

/** A CA certificate in PEM (the first one in the file) or DER. */
export function parseCertificate(bytes: Uint8Array): pkijs.Certificate {
  const text = Buffer.from(bytes).toString('latin1');
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  const der = pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : Buffer.from(bytes);
  return pkijs.Certificate.fromBER(buffer(der));
}

/**
 * An authority's reply: the token when its status is granted, else why not. The token is then
 * checked like any stored one, with the nonce we sent.
 */
export function tokenOfReply(reply: Uint8Array): { token: Uint8Array } | { problem: string } {
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(buffer(reply));
  } catch {
    return { problem: 'the reply is not a TimeStampResp' };
  }
  // 0 granted, 1 grantedWithMods; anything else is a refusal.
  if (response.status.status > 1 || !response.timeStampToken) {
    return { problem: `the authority refused (status ${response.status.status})` };
  }
  return { token: new Uint8Array(response.timeStampToken.toSchema().toBER()) };
}

/**
 * Checks a TimeStampToken offline against the bytes it should stamp: it is signed data over a
 * TSTInfo, its message imprint is their SHA-256 (and its nonce ours, when given), and its
 * signature verifies through a certificate chain ending at the CA, as of the token's own time
 * (pkijs checks the chain at genTime: a TSA's certificate expires, its old tokens stay good).
 */
export async function checkToken(
  token: Uint8Array,
  data: Uint8Array,
  ca: pkijs.Certificate,
  nonce?: bigint,
): Promise<TokenCheck> {
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    const content = pkijs.ContentInfo.fromBER(buffer(token));
    signed = new pkijs.SignedData({ schema: content.content });
    if (signed.encapContentInfo.eContentType !== TST_INFO_OID) {
      return { problem: 'the token does not hold a TSTInfo', genTime: null };
    }
    const eContent = signed.encapContentInfo.eContent;
    if (!eContent) return { problem: 'the token holds no TSTInfo', genTime: null };
    info = pkijs.TSTInfo.fromBER(eContent.getValue());
  } catch {
    return { problem: 'the token cannot be read', genTime: null };
  }
  const genTime = info.genTime.toISOString();
  const sha256 = createHash('sha256').update(data).digest();
  const imprint = info.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== SHA256_OID) {
    return { problem: 'the token is not over a SHA-256 digest', genTime };
  }
  const stamped = new Uint8Array(imprint.hashedMessage.valueBlock.valueHexView);
  if (Buffer.compare(Buffer.from(stamped), sha256) !== 0) {
    return { problem: 'the token stamps another digest', genTime };
  }
  if (nonce !== undefined && info.nonce?.toBigInt() !== nonce) {
    return { problem: 'the token does not carry our nonce', genTime };
  }
  let verified = false;
  try {
    verified = await signed.verify({
      signer: 0,
      data: buffer(data),
      trustedCerts: [ca],
      checkChain: true,
    });
  } catch {
    verified = false;
  }
  return verified
    ? { problem: null, genTime }
    : { problem: 'the token signature does not verify with the CA certificate', genTime };
}

/** A stored reply, checked as `dossier verify` does: granted, and its token good for the data. */
export async function checkReply(
  reply: Uint8Array,
  data: Uint8Array,
  ca: pkijs.Certificate,
): Promise<TokenCheck> {
  const got = tokenOfReply(reply);
  if ('problem' in got) return { problem: got.problem, genTime: null };
  return checkToken(got.token, data, ca);
}
