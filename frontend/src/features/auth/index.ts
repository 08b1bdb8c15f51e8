/**
 * Accounts in the UI: the login and register pages (the router imports them directly), and what
 * other features may use: who is logged in.
 */
export { useMe } from './api/get-me'
export type { User } from './types'
