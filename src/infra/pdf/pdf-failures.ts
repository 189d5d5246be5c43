import { UnreadablePdfError, type UnreadablePdfReason } from '../../core/errors.ts';
import { formatBytes } from '../files/local-file-store.ts';
import type { WorkerReply } from './pdf-worker-protocol.ts';

/** One sentence an editor can act on, for each way reading can fail. */
export function failureSentence(
  limits: { memoryBytes: number; timeoutMs: number },
  reason: UnreadablePdfReason,
  detail: string,
): string {
  const limit = formatBytes(limits.memoryBytes);
  switch (reason) {
    case 'encrypted':
      return 'The PDF is protected by a password, so its text cannot be read; upload a copy without the password.';
    case 'malformed':
      return `The file is damaged or is not a valid PDF, so it could not be read (${detail}).`;
    case 'memory':
      return `Reading the PDF needed more than its memory limit of ${limit} and was stopped; the file may be a decompression bomb or unusually complex (${detail}).`;
    case 'timeout':
      return `Reading the PDF took longer than its limit of ${Math.round(limits.timeoutMs / 1000)} seconds and was stopped.`;
    case 'too-much-text':
      return `${detail}, more than the archive accepts for one file.`;
    case 'crashed':
      return `The PDF reader stopped unexpectedly (${detail}); trying again may work.`;
  }
}

/**
 * Why a child died without answering. Under the memory limit an allocation fails: V8 aborts
 * with "out of memory", or native code dies of the signal that a failed allocation leads to.
 */
export function crashReason(signal: NodeJS.Signals | null, stderr: string): UnreadablePdfReason {
  if (/out of memory|allocation failed|cannot allocate memory|bad_alloc/i.test(stderr)) {
    return 'memory';
  }
  if (signal === 'SIGABRT' || signal === 'SIGSEGV' || signal === 'SIGBUS' || signal === 'SIGTRAP') {
    return 'memory';
  }
  return 'crashed';
}

export function isMemoryFailure(result: WorkerReply | Error): boolean {
  if (result instanceof UnreadablePdfError) return result.reason === 'memory';
  return !(result instanceof Error) && !result.ok && result.reason === 'memory';
}
