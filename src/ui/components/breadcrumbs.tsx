import { breadcrumbJsonLd } from '../head/site-jsonld.ts';
import type { PageContext } from '../page-context.ts';
import { JsonLd } from './json-ld.tsx';
import { href } from './links.ts';

export interface Crumb {
  label: string;
  path?: string;
  lang?: string;
}

/** "Home > Articles by Board Members, Fellows and Staff", the last crumb being this page. */
export function Breadcrumbs(props: { ctx: PageContext; trail: Crumb[] }) {
  const { ctx, trail } = props;
  const all: Crumb[] = [{ label: ctx.t('site.home'), path: '/' }, ...trail];
  return (
    <>
      <nav class="breadcrumbs" aria-label={ctx.t('site.breadcrumb')}>
        <ol>
          {all.map((c, i) =>
            i === all.length - 1 || !c.path ? (
              <li>
                <span aria-current="page" lang={c.lang}>
                  {c.label}
                </span>
              </li>
            ) : (
              <li>
                <a href={href(ctx.locale, c.path)} lang={c.lang}>
                  {c.label}
                </a>
              </li>
            ),
          )}
        </ol>
      </nav>
      <BreadcrumbJsonLd ctx={ctx} trail={all} />
    </>
  );
}

/** The visible trail as a schema.org BreadcrumbList; the last crumb is this page. */
function BreadcrumbJsonLd(props: { ctx: PageContext; trail: Crumb[] }) {
  const { ctx, trail } = props;
  const url = (path: string) => `${ctx.publicUrl}${href(ctx.locale, path)}`;
  return (
    <JsonLd
      data={breadcrumbJsonLd(
        trail.map((c, i) => ({
          name: c.label,
          url: c.path && i < trail.length - 1 ? url(c.path) : url(ctx.path),
        })),
      )}
    />
  );
}
