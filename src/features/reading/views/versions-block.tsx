import type { PublicationView } from '../../../core/public-views.ts';
import { formatDate } from '../../../ui/i18n/translate.ts';
import type { PageContext } from '../../../ui/page-context.ts';

/** Where a version's record and proof are served, under the piece's own folder. */
export function versionPaths(pubPath: string, version: number) {
  const base = `${pubPath}versions/${version}/`;
  return { record: `${base}record.json`, token: `${base}record.tsr` };
}

/**
 * "Versions and proof": each timestamped version of the piece, with its exact record and the
 * authority's token, so that anyone can check what was published when without Dossier. Like
 * file links, these never carry the locale prefix.
 */
export function VersionsBlock(props: { ctx: PageContext; pub: PublicationView }) {
  const { ctx, pub } = props;
  const versions = pub.versions ?? [];
  if (versions.length === 0) return null;
  return (
    <aside class="pub-versions" aria-labelledby="versions-heading">
      <h2 id="versions-heading" class="aside-heading">
        {ctx.t('pub.versions')}
      </h2>
      <ol>
        {versions.map((v) => {
          const paths = versionPaths(pub.path, v.version);
          return (
            <li>
              {ctx.t('pub.version', { version: v.version })}:{' '}
              <time datetime={v.stampedAt}>
                {formatDate(v.stampedAt, ctx.locale)} {v.stampedAt.slice(11, 16)} UTC
              </time>{' '}
              — <a href={paths.record}>{ctx.t('pub.versionRecord')}</a> ·{' '}
              <a href={paths.token} type="application/timestamp-reply">
                {ctx.t('pub.versionProof')}
              </a>
            </li>
          );
        })}
      </ol>
      <p class="versions-check">
        {ctx.t('pub.versionsCheck')}{' '}
        <code>openssl ts -verify -data record.json -in record.tsr -CAfile tsa-ca.pem</code>
      </p>
    </aside>
  );
}
