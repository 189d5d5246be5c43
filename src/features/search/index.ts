/** What other features may use of search: the search itself, and the public page that asks it. */
export { searchArchive } from './search-archive.ts';
export { SearchPage } from './search-page.tsx';
export { searchRequestFrom } from './search-params.ts';
