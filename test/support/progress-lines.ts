/**
 * Splits a command's stderr, written to a pipe, into its plain progress lines ("label: 3/7 unit…")
 * and everything else (the messages a test usually checks).
 */
export function splitProgress(stderr: string): { progress: string[]; other: string[] } {
  const lines = stderr.split('\n').filter((l) => l !== '');
  const isProgress = (l: string) => /^[a-z]+( [a-z]+)?: \d+(\/\d+)? [a-z]+( {2}.*)?$/.test(l);
  return { progress: lines.filter(isProgress), other: lines.filter((l) => !isProgress(l)) };
}

/** stderr without its progress lines: what is left is what went wrong. */
export function withoutProgress(stderr: string): string {
  const { other } = splitProgress(stderr);
  return other.length > 0 ? `${other.join('\n')}\n` : '';
}
