import type { PageContext } from '../page-context.ts';
import { BreadcrumbJsonLd } from './breadcrumb-json-ld.tsx';
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
      <nav class="breadcrumbs" aria-label="Breadcrumb">
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
