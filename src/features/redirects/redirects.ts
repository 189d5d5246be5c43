import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { Redirect } from '../../core/entities.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { Clock, Transactor, Tx } from '../../core/ports.ts';
import { isPubliclyVisible, isTombstone } from '../../core/publication-status.ts';
import type { Repositories } from '../../core/repositories.ts';
import { publicationAddress, redirectIssues } from './redirect-rules.ts';

export interface RedirectDeps {
  repos: Pick<Repositories, 'redirects' | 'sections' | 'publications' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
}

/** Permanent (301) for a moved page; temporary (302) when the old address will come back. */
export const REDIRECT_CODES = [301, 302] as const;

export interface RedirectInput {
  fromPath: string;
  toPath: string;
  statusCode: number;
}

/**
 * Is `path` the address of a publication readers can reach (or its tombstone)? The public site
 * answers such an address itself, so a redirect from it would never be followed — and hiding a
 * live page behind one is a mistake worth stopping.
 */
async function livePublicationAt(deps: RedirectDeps, path: string, tx: Tx): Promise<boolean> {
  const address = publicationAddress(path);
  if (!address) return false;
  const section = await deps.repos.sections.findBySlug(address.sectionSlug, tx);
  if (!section) return false;
  const p = await deps.repos.publications.findBySlug(section.id, address.slug, tx);
  return !!p && (isPubliclyVisible(p, deps.clock.now()) || isTombstone(p));
}

export async function addRedirect(
  deps: RedirectDeps,
  input: RedirectInput,
  actor: Actor,
): Promise<Redirect> {
  const fromPath = input.fromPath.trim();
  const toPath = input.toPath.trim();
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    const issues: Array<{ path: string; message: string }> = redirectIssues(
      fromPath,
      toPath,
      await deps.repos.redirects.list(tx),
    );
    if (!REDIRECT_CODES.some((code) => code === input.statusCode)) {
      issues.push({ path: 'statusCode', message: 'Choose 301 or 302' });
    }
    if (issues.length === 0 && (await livePublicationAt(deps, fromPath, tx))) {
      issues.push({ path: 'fromPath', message: 'A published page lives at this address' });
    }
    const first = issues[0];
    if (first) throw new ValidationError(`${first.path}: ${first.message}`, issues);
    const saved = await deps.repos.redirects.insert(
      { fromPath, toPath, statusCode: input.statusCode },
      at,
      tx,
    );
    await deps.audit.record(
      actor,
      'redirect.create',
      { type: 'redirect', id: saved.id },
      { from: fromPath, to: toPath, status: input.statusCode },
      tx,
    );
    return saved;
  });
}

export async function deleteRedirect(deps: RedirectDeps, id: number, actor: Actor): Promise<void> {
  await deps.transactor.transaction(async (tx) => {
    const redirect = await deps.repos.redirects.findById(id, tx);
    if (!redirect || !(await deps.repos.redirects.delete(id, tx))) {
      throw new NotFoundError('No such redirect');
    }
    await deps.audit.record(
      actor,
      'redirect.delete',
      { type: 'redirect', id },
      { from: redirect.fromPath, to: redirect.toPath },
      tx,
    );
  });
}

/**
 * The stored redirect a reader may follow from `path`, or undefined. A redirect that leads to a
 * publication is followed only while the public may see that publication (or its tombstone):
 * one made while a piece was public must not name it, nor its slug, once it is a draft again or
 * under embargo. Any other target (a listing, a person's page) is the site's own and public.
 */
export async function findPublicRedirect(
  repos: Pick<Repositories, 'redirects' | 'sections' | 'publications'>,
  path: string,
  now: Date,
): Promise<Redirect | undefined> {
  const redirect = await repos.redirects.find(path);
  const address = redirect && publicationAddress(redirect.toPath);
  if (!redirect || !address) return redirect;
  const section = await repos.sections.findBySlug(address.sectionSlug);
  const p = section && (await repos.publications.findBySlug(section.id, address.slug));
  if (!p) return redirect;
  return isPubliclyVisible(p, now) || isTombstone(p) ? redirect : undefined;
}
