/** Listing pages hold ten entries, as the archive's readers know from the seed site. */
export const PAGE_SIZE = 10;

/**
 * Reads `?page=`. Only a plain positive whole number is a page; anything else (0, -1, 1.5, "x",
 * a huge number) is not, and the caller answers 404 rather than guessing.
 */
export function parsePage(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) return null;
  return Number(raw);
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}
