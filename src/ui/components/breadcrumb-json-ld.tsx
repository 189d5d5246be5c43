import { breadcrumbJsonLd } from '../../features/discovery/structured-data/site-jsonld.ts';
import type { PageContext } from '../page-context.ts';
import type { Crumb } from './breadcrumbs.tsx';
import { JsonLd } from './json-ld.tsx';
import { href } from './links.ts';

/** The visible breadcrumb trail as a schema.org BreadcrumbList; the last crumb is this page. */
export function BreadcrumbJsonLd(props: { ctx: PageContext; trail: Crumb[] }) {
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
