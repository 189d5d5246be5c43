import { sitePathProblem } from '../../core/site-path.ts';

/**
 * What a redirect may be. Both ends are paths on this site: a redirect never sends readers
 * elsewhere, so an old address cannot be turned into an open redirect. A new redirect must not
 * start or join a loop, counting the public site's own rule that sends '/x' to its folder '/x/'.
 */
export interface RedirectEdge {
  fromPath: string;
  toPath: string;
}

export interface RedirectIssue {
  path: 'fromPath' | 'toPath';
  message: string;
}

const MAX_PATH = 2000;

/** Why a path cannot be one end of a redirect, or null when it can. */
export function pathProblem(path: string, end: 'from' | 'to'): string | null {
  if (path === '') return 'Required';
  if (path.length > MAX_PATH) return `At most ${MAX_PATH} characters`;
  // '//host', '/\host' and '/.//host' all lead a browser to another site.
  const offSite = sitePathProblem(path);
  if (offSite) return offSite;
  // Requests are matched on their path alone, so a query or fragment here could never match.
  if (end === 'from' && /[?#]/.test(path)) return 'The old address is a path without ? or #';
  return null;
}

/** The part of a target the router will see on the next request. */
export function pathOf(target: string): string {
  return target.split(/[?#]/, 1)[0] ?? target;
}

/** The public site answers '/reports' with its folder '/reports/' when nothing else claims it. */
function folderOf(path: string): string | null {
  return path.endsWith('/') || /\.[^/]*$/.test(path) ? null : `${path}/`;
}

/**
 * The addresses a request for `from` would visit once this redirect exists, ending where it
 * first comes back to one already visited; null when the chain ends. Other redirects to the
 * same `from` are replaced by the new one, as the table keeps one per old address.
 */
export function redirectLoop(
  from: string,
  to: string,
  existing: readonly RedirectEdge[],
): string[] | null {
  const next = new Map(existing.map((e) => [e.fromPath, pathOf(e.toPath)]));
  next.set(from, pathOf(to));
  const visited = [from];
  let at = from;
  for (;;) {
    const step = next.get(at) ?? folderOf(at);
    if (step === null) return null;
    if (visited.includes(step)) return [...visited, step];
    visited.push(step);
    at = step;
  }
}

/** Every reason to refuse the redirect `from` → `to`, given the ones already kept. */
export function redirectIssues(
  from: string,
  to: string,
  existing: readonly RedirectEdge[],
): RedirectIssue[] {
  const issues: RedirectIssue[] = [];
  const fromProblem = pathProblem(from, 'from');
  const toProblem = pathProblem(to, 'to');
  if (fromProblem) issues.push({ path: 'fromPath', message: fromProblem });
  if (toProblem) issues.push({ path: 'toPath', message: toProblem });
  if (issues.length > 0) return issues;
  if (existing.some((e) => e.fromPath === from)) {
    issues.push({ path: 'fromPath', message: 'This address already redirects; delete that first' });
    return issues;
  }
  const loop = redirectLoop(from, to, existing);
  if (loop) issues.push({ path: 'toPath', message: `This would make a loop: ${loop.join(' → ')}` });
  return issues;
}

/**
 * The section and slug of a publication's public address ('/reports/camp-25/', in either
 * language, with or without the closing slash), or null for any other path.
 */
export function publicationAddress(path: string): { sectionSlug: string; slug: string } | null {
  const bare = path.startsWith('/ko/') ? path.slice(3) : path;
  const m = /^\/([^/]+)\/([^/]+)\/?$/.exec(bare);
  return m ? { sectionSlug: m[1]!, slug: m[2]! } : null;
}
