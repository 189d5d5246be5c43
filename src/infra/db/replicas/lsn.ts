/**
 * A PostgreSQL write-ahead log position ('16/B374D848') as a number that orders correctly: the
 * two halves are 32-bit hexadecimal words. Null (a server that is not a replica) reads as 0.
 */
export function lsnValue(text: string | null | undefined): bigint {
  if (!text) return 0n;
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
