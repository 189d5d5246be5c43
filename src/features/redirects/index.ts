/** What other features may use of redirects: the import keeps a moved page's old address. */
export { addRedirect } from './redirects.ts';
