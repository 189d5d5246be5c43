import type { Child } from 'hono/jsx';
import { renderMarkdown } from '../../domain/markdown.ts';
import type { MessageKey } from '../../i18n/messages.en.ts';
import { formatDate } from '../../i18n/translate.ts';
import type { PublicationView } from '../../services/reading/view-models.ts';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Byline } from '../components/byline.tsx';
import { href } from '../components/links.ts';
import { Localized, localizedText } from '../components/localized.tsx';
import type { PageMetaInput } from '../components/page-meta.tsx';
import { PdfLink } from '../components/pdf-link.tsx';
import { VenueLink } from '../components/venue-link.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ko: '한국어' };

export function PublicationPage(props: {
  ctx: PageContext;
  pub: PublicationView;
  head?: Child;
  meta?: PageMetaInput;
  /** The "Cite this" block. */
  cite?: Child;
}) {
  const { ctx, pub } = props;
  const sectionTitle = localizedText(ctx.locale, pub.section.title, pub.section.titleKo);
  const updated =
    pub.revisedAt && pub.revisedAt.slice(0, 10) !== pub.publishedAt.slice(0, 10)
      ? pub.revisedAt
      : null;
  return (
    <Layout ctx={ctx} title={pub.title} head={props.head} meta={props.meta}>
      <Breadcrumbs
        ctx={ctx}
        trail={[
          {
            label: sectionTitle,
            path: `/${pub.section.slug}/`,
            lang: ctx.locale === 'ko' && !pub.section.titleKo ? 'en' : undefined,
          },
          { label: pub.title, lang: pub.language },
        ]}
      />
      <article class="publication">
        <header class="publication-header">
          <p class="type">{ctx.t(`type.${pub.type}` as MessageKey)}</p>
          <h1 lang={pub.language}>{pub.title}</h1>
          {pub.subtitle ? (
            <p class="subtitle" lang={pub.language}>
              {pub.subtitle}
            </p>
          ) : null}
          <Byline ctx={ctx} contributors={pub.contributors} />
          <p class="meta">
            {ctx.t('pub.published')}{' '}
            <time datetime={pub.publishedAt.slice(0, 10)}>
              {formatDate(pub.publishedAt, ctx.locale)}
            </time>
            {updated ? (
              <>
                {' · '}
                {ctx.t('pub.updated')}{' '}
                <time datetime={updated.slice(0, 10)}>{formatDate(updated, ctx.locale)}</time>
              </>
            ) : null}
            {pub.reportNumber ? (
              <>
                {' · '}
                {ctx.t('pub.reportNumber')} {pub.reportNumber}
              </>
            ) : null}
          </p>
          {pub.venue && !pub.excerptOnly ? (
            <p class="venue">
              {ctx.t(pub.venue.kind === 'event' ? 'entry.presentedAt' : 'entry.firstPublishedIn', {
                venue: localizedText(ctx.locale, pub.venue.name, pub.venue.nameKo),
              })}
              {pub.externalUrl ? (
                <>
                  {' '}
                  <a href={pub.externalUrl} rel="external noopener">
                    {new URL(pub.externalUrl).hostname}
                  </a>
                </>
              ) : null}
            </p>
          ) : null}
          {pub.translations.length > 0 ? (
            <p class="translations">
              {ctx.t('pub.translations')}:{' '}
              {pub.translations.map((tr) => (
                <a href={href(ctx.locale, tr.path)} hreflang={tr.language} lang={tr.language}>
                  {tr.title} ({LANGUAGE_NAMES[tr.language] ?? tr.language})
                </a>
              ))}
            </p>
          ) : null}
        </header>

        {pub.series ? (
          <nav class="series" aria-label={pub.series.series.title}>
            <p>
              {ctx.t('pub.series', {
                position: pub.series.position,
                series: localizedText(
                  ctx.locale,
                  pub.series.series.title,
                  pub.series.series.titleKo,
                ),
              })}
            </p>
            <ul>
              {pub.series.previous ? (
                <li>
                  {ctx.t('pub.seriesPrevious')}:{' '}
                  <a href={href(ctx.locale, pub.series.previous.path)} rel="prev">
                    {pub.series.previous.title}
                  </a>
                </li>
              ) : null}
              {pub.series.next ? (
                <li>
                  {ctx.t('pub.seriesNext')}:{' '}
                  <a href={href(ctx.locale, pub.series.next.path)} rel="next">
                    {pub.series.next.title}
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}

        {pub.summary ? (
          <section class="abstract" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ctx.t('pub.summary')}</h2>
            <div
              lang={pub.language}
              dangerouslySetInnerHTML={{ __html: renderMarkdown(pub.summary) }}
            />
          </section>
        ) : null}

        {pub.bodyHtml ? (
          <div
            class="body"
            lang={pub.language}
            dangerouslySetInnerHTML={{ __html: pub.bodyHtml }}
          />
        ) : null}

        {pub.excerptOnly ? (
          <p class="actions">
            <VenueLink ctx={ctx} entry={pub} />
          </p>
        ) : null}

        {pub.files.length > 0 ? (
          <section aria-labelledby="files-heading">
            <h2 id="files-heading">{ctx.t('pub.files')}</h2>
            <ul class="files">
              {pub.files.map((f) => (
                <li>
                  <PdfLink
                    ctx={ctx}
                    file={f}
                    label={
                      f.role === 'main-pdf' ? ctx.t('entry.downloadPdf') : (f.title ?? f.fileName)
                    }
                  />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {pub.topics.length > 0 || pub.places.length > 0 ? (
          <section class="tags" aria-label={ctx.t('pub.keywords')}>
            {pub.topics.length > 0 ? (
              <p>
                {ctx.t('pub.keywords')}:{' '}
                {pub.topics.map((topic, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={href(ctx.locale, `/topics/${topic.slug}/`)}>
                      <Localized locale={ctx.locale} en={topic.name} ko={topic.nameKo} />
                    </a>
                  </>
                ))}
              </p>
            ) : null}
            {pub.places.length > 0 ? (
              <p>
                {ctx.t('pub.places')}:{' '}
                {pub.places.map((place, i) => (
                  <>
                    {i > 0 ? '; ' : ''}
                    <a href={href(ctx.locale, `/places/${place.slug}/`)}>{place.label}</a>
                  </>
                ))}
              </p>
            ) : null}
          </section>
        ) : null}

        {props.cite}

        {pub.disclaimer ? (
          <aside class="disclaimer" aria-label={ctx.t('pub.disclaimer')}>
            <p>{ctx.locale === 'ko' && pub.disclaimerKo ? pub.disclaimerKo : pub.disclaimer}</p>
          </aside>
        ) : null}
      </article>
    </Layout>
  );
}
