import type { PageContext } from '../page-context.ts';
import { href } from './links.ts';

/** Numbered pages with previous and next; page 1 is the bare listing URL. */
export function Pagination(props: {
  ctx: PageContext;
  basePath: string;
  page: number;
  pages: number;
}) {
  const { ctx, basePath, page, pages } = props;
  return (
    <PageLinks
      ctx={ctx}
      page={page}
      pages={pages}
      url={(n) => href(ctx.locale, n === 1 ? basePath : `${basePath}?page=${n}`)}
    />
  );
}

/** The same list of pages for any address scheme: `url` gives the address of page `n`. */
export function PageLinks(props: {
  ctx: PageContext;
  page: number;
  pages: number;
  url: (n: number) => string;
}) {
  const { ctx, page, pages, url } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={ctx.t('pagination.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={url(page - 1)} rel="prev">
              ← {ctx.t('pagination.previous')}
            </a>
          </li>
        ) : null}
        {pageNumbers(page, pages).map((n) =>
          n === null ? (
            <li aria-hidden="true">…</li>
          ) : n === page ? (
            <li>
              <span aria-current="page">{n}</span>
            </li>
          ) : (
            <li>
              <a href={url(n)}>{n}</a>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a href={url(page + 1)} rel="next">
              {ctx.t('pagination.next')} →
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** 1 … 4 5 [6] 7 8 … 20: the ends, and two on each side of the current page. */
export function pageNumbers(page: number, pages: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}
