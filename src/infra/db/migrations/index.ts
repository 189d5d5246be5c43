import type { Migration } from 'kysely';
import { contentModel } from './0001-content-model.ts';
import { textFolding } from './0002-text-folding.ts';
import { jobUniqueKeys } from './0003-job-unique-keys.ts';
import { fileDerivatives } from './0004-file-derivatives.ts';
import { searchIndex } from './0010-search-index.ts';
import { accounts } from './0020-accounts.ts';
import { importSources } from './0030-import-sources.ts';
import { apiTokens } from './0040-api-tokens.ts';
import { publicListingIndexes } from './0050-public-listing-indexes.ts';
import { searchHead } from './0060-search-head.ts';
import { searchChanges } from './0070-search-changes.ts';
import { publicationRenders } from './0080-publication-renders.ts';
import { publicationRenderDigests } from './0081-publication-render-digests.ts';
import { searchHeads } from './0090-search-heads.ts';
import { sectionListedCounts } from './0091-section-listed-counts.ts';
import { publicRecord } from './0092-public-record.ts';
import { signInLimits } from './0093-sign-in-limits.ts';
import { previewLinks } from './0095-preview-links.ts';
import { images } from './0096-images.ts';
import { koreanNameSources } from './0099-korean-name-sources.ts';
import { honestAttribution } from './0100-honest-attribution.ts';
import { sectionListDisclaimers } from './0101-section-list-disclaimers.ts';
import { datePrecision } from './0102-date-precision.ts';
import { scenes } from './0103-scenes.ts';
import { editorialNotes } from './0104-editorial-notes.ts';
import { publicationProofs } from './0105-publication-proofs.ts';
import { sourceCaptures } from './0106-source-captures.ts';
import type { SqlDialect } from './column-helpers.ts';

/**
 * Every migration, in order. Names sort in the order they run; a database that has run a name
 * this list lacks was migrated by a newer Dossier.
 */
export function allMigrations(dialect: SqlDialect): Record<string, Migration> {
  return {
    '0001-content-model': contentModel(dialect),
    '0002-text-folding': textFolding(dialect),
    '0003-job-unique-keys': jobUniqueKeys(),
    '0004-file-derivatives': fileDerivatives(dialect),
    '0010-search-index': searchIndex(dialect),
    '0020-accounts': accounts(dialect),
    '0030-import-sources': importSources(dialect),
    '0040-api-tokens': apiTokens(dialect),
    '0050-public-listing-indexes': publicListingIndexes(),
    '0060-search-head': searchHead(dialect),
    '0070-search-changes': searchChanges(dialect),
    '0080-publication-renders': publicationRenders(),
    '0081-publication-render-digests': publicationRenderDigests(),
    '0090-search-heads': searchHeads(dialect),
    '0091-section-listed-counts': sectionListedCounts(dialect),
    '0092-public-record': publicRecord(),
    '0093-sign-in-limits': signInLimits(),
    '0095-preview-links': previewLinks(dialect),
    '0096-images': images(dialect),
    '0099-korean-name-sources': koreanNameSources(),
    '0100-honest-attribution': honestAttribution(),
    '0101-section-list-disclaimers': sectionListDisclaimers(),
    '0102-date-precision': datePrecision(),
    '0103-scenes': scenes(dialect),
    '0104-editorial-notes': editorialNotes(dialect),
    '0105-publication-proofs': publicationProofs(dialect),
    '0106-source-captures': sourceCaptures(dialect),
  };
}
