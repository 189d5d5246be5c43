/** The name a place goes by: the one marked preferred, else its first. */
export function preferredName(names: ReadonlyArray<{ name: string; preferred: boolean }>): string {
  return (names.find((n) => n.preferred) ?? names[0])?.name ?? '';
}
