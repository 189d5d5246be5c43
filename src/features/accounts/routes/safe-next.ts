/**
 * Where sign-in may send someone afterwards: a path inside the back office, never another site.
 * Only `/admin` or `/admin/` followed by letters, digits and `/ _ . -` passes, without empty or
 * dot segments (`//`, `/../`), so a scheme, a host, a backslash, a query, an encoded character
 * or a climb out of `/admin` cannot lead elsewhere; anything else becomes `/admin`.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next || !/^\/admin(\/[A-Za-z0-9/_.-]*)?$/.test(next)) return '/admin';
  const segments = next.split('/').slice(1, -1);
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return '/admin';
  const last = next.split('/').at(-1);
  return last === '.' || last === '..' ? '/admin' : next;
}
