/**
 * What other features may use of accounts: the back office's door, which knows who is signed in
 * and what they may do, and the frame and form helpers of its pages.
 */

export type { AdminEnv } from './back-office/admin-env.ts';
export { adminPageContext, clientIp, renderAdmin } from './back-office/admin-page.ts';
export { actOnRecord, loadOr404, submitForm } from './back-office/route-handlers.ts';
export { type AdminContext, type AdminRoute, param } from './back-office/route-table.ts';
export {
  actorOf,
  domainErrorAnswer,
  type FormBody,
  fieldErrors,
  formBody,
  idOf,
  numberOrNull,
  rows,
  text,
} from './back-office/staff-request.ts';
/** The sign-in policy, shown and set beside the site's other settings. */
export { type SecuritySettings, securitySettings } from './security-settings.ts';
