import { type Context, Hono } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import { personNameIn, publicKoreanName } from '../../../core/person-name.ts';
import { hangulName, placeNameIn, preferredName } from '../../../core/place-name.ts';
import { FeedLinks } from '../../../ui/components/feed-links.tsx';
import { localizedText } from '../../../ui/components/localized.tsx';
import { ErrorPage } from '../../../ui/pages/error-page.tsx';
import { renderPage } from '../../../ui/render-page.ts';
import { SearchPage, searchArchive, searchRequestFrom } from '../../search/index.ts';
import {
  loadHome,
  loadPeopleIndex,
  loadPersonPage,
  loadPlacePage,
  loadSectionPage,
  loadTopicIndex,
  loadTopicPage,
  loadYearPage,
  placesWithPublicWork,
} from '../loaders/listings.ts';
import { parsePage } from '../loaders/paging.ts';
import { publicScenesShowing } from '../loaders/public-scene.ts';
import { HomePage } from '../views/home-page.tsx';
import { IndexPage } from '../views/index-page.tsx';
import { ListingPage } from '../views/listing-page.tsx';
import { PersonPage } from '../views/person-page.tsx';
import { PlacePage } from '../views/place-page.tsx';
import { type PublicationExtrasFor, publicationRoute } from './publication-route.tsx';
import { pageContext } from './reading-context.ts';

/**
 * The public reading site. The same routes serve English at / and Korean at /ko/; the page
 * context reads the language from the path. Handlers stay thin: parse, load, render. Each
 * publication's page also carries `publicationExtras`, what discovery makes for citers.
 */
export function publicRoutes(
  app: AppContext,
  prefix: '' | '/ko',
  publicationExtras: PublicationExtrasFor,
): Hono {
  const site = new Hono();
  const now = () => app.clock.now();
  const notFound = async (c: Context) =>
    renderPage(c, <ErrorPage ctx={await pageContext(app, c)} status={404} />, 404);

  site.get(`${prefix}/`, async (c) => {
    const ctx = await pageContext(app, c);
    return renderPage(c, <HomePage ctx={ctx} home={await loadHome(app.repos, now())} />);
  });

  site.get(`${prefix}/search`, async (c) => {
    const params = new URL(c.req.url).searchParams;
    const request = searchRequestFrom(params);
    const hasQuery =
      request.q.trim() !== '' ||
      Object.values(request.filters ?? {}).some((v) => v !== null && v !== undefined);
    const result = hasQuery ? await searchArchive(app, { ...request, now: now() }) : null;
    return renderPage(
      c,
      <SearchPage ctx={await pageContext(app, c)} result={result} params={params} />,
    );
  });

  site.get(`${prefix}/people/`, async (c) => {
    const ctx = await pageContext(app, c);
    const items = (await loadPeopleIndex(app.repos, now())).map(({ item: p, count }) => ({
      label: personNameIn(p.name, publicKoreanName(p), ctx.locale),
      path: `/people/${p.slug}/`,
      note: `(${count})`,
    }));
    return renderPage(c, <IndexPage ctx={ctx} title={ctx.t('people.title')} items={items} />);
  });

  site.get(`${prefix}/people/:slug/`, async (c) => {
    const page = parsePage(c.req.query('page'));
    const view = page && (await loadPersonPage(app.repos, c.req.param('slug'), page, now()));
    if (!view) return notFound(c);
    const ctx = await pageContext(app, c);
    const feeds = (
      <FeedLinks ctx={ctx} folder={`/people/${view.person.slug}/`} name={view.person.name} />
    );
    return renderPage(c, <PersonPage ctx={ctx} {...view} head={feeds} />);
  });

  site.get(`${prefix}/topics/`, async (c) => {
    const ctx = await pageContext(app, c);
    const items = (await loadTopicIndex(app.repos, now())).map(({ item: t, count }) => ({
      label: localizedText(ctx.locale, t.name, t.nameKo),
      lang: ctx.locale === 'ko' && !t.nameKo ? 'en' : undefined,
      path: `/topics/${t.slug}/`,
      note: `(${count})`,
    }));
    return renderPage(c, <IndexPage ctx={ctx} title={ctx.t('topics.title')} items={items} />);
  });

  site.get(`${prefix}/topics/:slug/`, async (c) => {
    const page = parsePage(c.req.query('page'));
    const view = page && (await loadTopicPage(app.repos, c.req.param('slug'), page, now()));
    if (!view) return notFound(c);
    const ctx = await pageContext(app, c);
    const title = localizedText(ctx.locale, view.topic.name, view.topic.nameKo);
    return renderPage(
      c,
      <ListingPage
        ctx={ctx}
        title={title}
        titleLang={ctx.locale === 'ko' && !view.topic.nameKo ? 'en' : undefined}
        trail={[{ label: ctx.t('site.topics'), path: '/topics/' }, { label: title }]}
        basePath={`/topics/${view.topic.slug}/`}
        listing={view.listing}
        head={<FeedLinks ctx={ctx} folder={`/topics/${view.topic.slug}/`} name={title} />}
      />,
    );
  });

  site.get(`${prefix}/places/`, async (c) => {
    const ctx = await pageContext(app, c);
    const places = await placesWithPublicWork(app.repos, await app.repos.places.list(), now());
    const items = places.map((p) => {
      // Each list shows the other script's name beside: the Hangul name on English pages,
      // the romanized one on Korean pages.
      const hangul = hangulName(p.names);
      const romanized = preferredName(p.names);
      return {
        label: ctx.locale === 'ko' && hangul ? hangul : romanized,
        path: `/places/${p.slug}/`,
        note: hangul ? (ctx.locale === 'en' ? hangul : romanized) : undefined,
      };
    });
    return renderPage(c, <IndexPage ctx={ctx} title={ctx.t('places.title')} items={items} />);
  });

  site.get(`${prefix}/places/:slug/`, async (c) => {
    const page = parsePage(c.req.query('page'));
    const view = page && (await loadPlacePage(app.repos, c.req.param('slug'), page, now()));
    if (!view) return notFound(c);
    const ctx = await pageContext(app, c);
    const feeds = (
      <FeedLinks
        ctx={ctx}
        folder={`/places/${view.place.slug}/`}
        name={placeNameIn(view.place.names, ctx.locale)}
      />
    );
    const scenes = await publicScenesShowing(app.repos, [view.place.id], now());
    return renderPage(c, <PlacePage ctx={ctx} view={view} head={feeds} scenes={scenes} />);
  });

  site.get(`${prefix}/years/`, async (c) => {
    const ctx = await pageContext(app, c);
    const years = await app.repos.catalog.years(now());
    const items = years.map((y) => ({
      label: String(y.year),
      path: `/years/${y.year}/`,
      note: `(${y.count})`,
    }));
    return renderPage(c, <IndexPage ctx={ctx} title={ctx.t('years.title')} items={items} />);
  });

  site.get(`${prefix}/years/:year{[0-9]{4}}/`, async (c) => {
    const page = parsePage(c.req.query('page'));
    const year = Number(c.req.param('year'));
    const view = page && (await loadYearPage(app.repos, year, page, now()));
    if (!view) return notFound(c);
    const ctx = await pageContext(app, c);
    const title = ctx.t('year.title', { year });
    return renderPage(
      c,
      <ListingPage
        ctx={ctx}
        title={title}
        trail={[{ label: ctx.t('site.years'), path: '/years/' }, { label: String(year) }]}
        basePath={`/years/${year}/`}
        listing={view.listing}
      />,
    );
  });

  site.get(`${prefix}/:section/`, async (c) => {
    const page = parsePage(c.req.query('page'));
    const view = page && (await loadSectionPage(app.repos, c.req.param('section'), page, now()));
    if (!view) return notFound(c);
    const ctx = await pageContext(app, c);
    const { section } = view;
    const title = localizedText(ctx.locale, section.title, section.titleKo);
    // Worded for a list ("these articles … their authors"); the disclaimer of one piece is
    // said on that piece's page.
    const disclaimer =
      ctx.locale === 'ko'
        ? (section.listDisclaimerKo ?? section.listDisclaimer)
        : section.listDisclaimer;
    return renderPage(
      c,
      <ListingPage
        ctx={ctx}
        title={title}
        titleLang={ctx.locale === 'ko' && !section.titleKo ? 'en' : undefined}
        trail={[{ label: title }]}
        basePath={`/${section.slug}/`}
        listing={view.listing}
        head={<FeedLinks ctx={ctx} folder={`/${section.slug}/`} name={title} />}
        disclaimer={disclaimer}
        description={
          section.description
            ? localizedText(ctx.locale, section.description, section.descriptionKo)
            : undefined
        }
        intro={
          section.description ? (
            <p class="section-description">
              {localizedText(ctx.locale, section.description, section.descriptionKo)}
            </p>
          ) : undefined
        }
      />,
    );
  });

  site.get(`${prefix}/:section/:slug/`, (c) =>
    publicationRoute(app, c, notFound, publicationExtras),
  );

  return site;
}
