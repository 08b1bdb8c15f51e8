/**
 * The audit trail (`/audit`): who created, changed, ran, stopped or deleted what, and when, with
 * filters by user, action, object and time. For admins: the nav shows it only to them, and the
 * server answers anyone else with 404 (the page then says it is for administrators).
 *
 * Its public surface is this file: the router imports `AuditPage` from here, lazily. Its strings
 * (`i18n/`) are the `audit.*` section of the app's catalogue, registered in `src/i18n/index.ts`.
 *
 * Layout: `api/` the request, `model/` the filters' choices and the details' wording,
 * `components/`, `i18n/` its strings.
 */
export { AuditPage } from './AuditPage'
