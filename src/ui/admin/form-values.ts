/** Small conversions between a form's strings and a schema's values, shared by the admin forms. */

/** Empty (or blank) text as null: optional patterns (ORCID, URL, day) must not see ''. */
export function orNull(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}

/** An id chosen in a select: null for the empty choice. */
export function idOrNull(value: string): number | null {
  return value === '' ? null : Number(value);
}

/** A stored value shown in a form field. */
export function shown(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
