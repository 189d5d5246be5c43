import { ValidationError } from '../../../core/errors.ts';
import type { ImageRecord } from '../../../core/images.ts';
import {
  type FigureScene,
  figureMarkers,
  fillFigures,
} from '../../../core/markdown/markdown-figures.ts';
import type { Tx } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { iiifPath } from '../../../core/scenes.ts';
import { formatDate, translator } from '../../../ui/i18n/translate.ts';

/**
 * Puts a publication's figures into its rendered body, in the body's language. A body may place
 * only the piece's own images: a figure of another piece (perhaps a draft's) would show it, and
 * one that does not exist would vanish without a word, so either is refused on the body field.
 */
export async function placeFigures(
  repos: Pick<Repositories, 'images' | 'scenes'>,
  publicationId: number | null,
  bodyHtml: string,
  language: string,
  tx?: Tx,
): Promise<string> {
  const wanted = figureMarkers(bodyHtml);
  if (wanted.length === 0) return bodyHtml;
  const own = publicationId === null ? [] : await repos.images.ofPublication(publicationId, tx);
  const images = new Map<number, ImageRecord>(own.map((i) => [i.id, i]));
  const missing = [...new Set(wanted.filter((id) => !images.has(id)))];
  if (missing.length > 0) {
    const message = `The body places ${missing.map((id) => `figure:${id}`).join(', ')}, which ${
      missing.length === 1 ? 'is' : 'are'
    } not among this publication's images`;
    throw new ValidationError(`body: ${message}`, [{ path: 'body', message }]);
  }
  const locale = language === 'ko' ? 'ko' : 'en';
  const t = translator(locale);
  // A scene's figure links to its page, where readers zoom, compare and read its annotations.
  const scenes = new Map<number, FigureScene>(
    (await repos.scenes.findMany(wanted, tx)).map((s) => [
      s.imageId,
      {
        href: `${locale === 'ko' ? '/ko' : ''}${iiifPath.base(s.imageId)}/`,
        illustrative: s.illustrative,
      },
    ]),
  );
  return fillFigures(
    bodyHtml,
    images,
    locale,
    {
      credit: t('figure.credit'),
      source: t('figure.source'),
      taken: t('figure.taken'),
      formatDate: (day) => formatDate(`${day}T00:00:00Z`, locale),
      sceneLink: t('scene.zoom'),
      illustrative: t('scene.illustrative'),
    },
    scenes,
  );
}
