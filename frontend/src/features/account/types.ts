/** The account API's shapes, from the server's OpenAPI schema (src/lib/api-types.ts). */
import type { ApiSchema, Page, Sent } from '@/lib/api-types'

/** One of the user's API tokens (never its key). */
export type ApiToken = Sent<'ApiToken'>

/** `POST /api/auth/tokens/`'s answer: the token, and its key this once. */
export type NewApiToken = Sent<'NewApiToken'>

/** `POST /api/auth/password`'s body. */
export type PasswordChange = ApiSchema<'PasswordChangeInput'>

export type ApiTokenPage = Page<ApiToken>

/** Tokens shown per page of the list. */
export const TOKEN_PAGE_SIZE = 50
