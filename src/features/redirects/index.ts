/**
 * What other features may use of redirects: the import keeps a moved page's old address, and the
 * site follows the redirects the public may follow.
 */
export { addRedirect, findPublicRedirect } from './redirects.ts';
