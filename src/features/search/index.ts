/** What other features may use of search: the search itself, and the public page that asks it. */
export { searchArchive } from './search-archive.ts';
export { noteText, type SearchNote } from './search-notes.ts';
export { SearchPage } from './search-page.tsx';
export { searchRequestFrom } from './search-params.ts';
export {
  type PlaceVariantMap,
  placeWord,
  type StaticSearchData,
  staticSearchData,
} from './static-search-words.ts';
