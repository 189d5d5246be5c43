/**
 * What other features may use of reading: what the public may see of publications (entries,
 * a publication's page, where places have public work) and the publication page's rendering,
 * which previews and discovery reuse.
 */
export { fileView, loadEntries, publicationPath, type ReadingRepos } from './loaders/entries.ts';
export { placesWithPublicWork } from './loaders/listings.ts';
export { pageDependencies } from './loaders/page-dependencies.ts';
export { findPublicImage } from './loaders/public-image.ts';
export { type PublicScene, publicScenesOf } from './loaders/public-scene.ts';
export { loadPublicationPage, loadPublicationPreview } from './loaders/publication-page.ts';
export type { PublicationExtrasFor } from './routes/publication-route.tsx';
export { pageContext } from './routes/reading-context.ts';
export { renderPublicationPage, renderPublicationParts } from './views/publication-page.tsx';
