/**
 * The account page (`/account`): change the password (every other session and token signs out),
 * and list, make and revoke API tokens (a new token's key is shown once, with a copy button).
 *
 * Its public surface is this file: the router imports `AccountPage` from here.
 *
 * Layout: `api/` one file per request, `components/`, `i18n/` its strings (the `account.*`
 * section of the app's catalogue).
 */
export { AccountPage } from './components/AccountPage'
