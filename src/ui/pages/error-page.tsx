import { href } from '../components/links.ts';
import type { PageContext } from '../page-context.ts';
import { Layout } from './layout.tsx';

/** 404 and 500 in the site's design. The 500 page names the request id and nothing else. */
export function ErrorPage(props: { ctx: PageContext; status: 404 | 500; requestId?: string }) {
  const { ctx } = props;
  const title = props.status === 404 ? ctx.t('error.notFound') : ctx.t('error.server');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{props.status === 404 ? ctx.t('error.notFoundText') : ctx.t('error.serverText')}</p>
      {props.requestId ? (
        <p>
          {ctx.t('error.requestId')}: <code>{props.requestId}</code>
        </p>
      ) : null}
      <p>
        <a href={href(ctx.locale, '/')}>{ctx.t('error.goHome')}</a>
      </p>
    </Layout>
  );
}
