/** The accounts API's shapes, from the server's OpenAPI schema (src/lib/api-types.ts). */
import type { ApiSchema } from '@/lib/api-types'

/** `GET /api/auth/me`: the logged-in user. */
export type User = ApiSchema<'User'>

/** `POST /api/auth/login`'s body. */
export type Credentials = ApiSchema<'LoginInput'>

/** `POST /api/auth/login`'s answer: the user and an API token. */
export type LoggedIn = ApiSchema<'LoggedIn'>

/** `POST /api/auth/register`'s body. */
export type Registration = ApiSchema<'RegisterInput'>

/** `GET /api/auth/config`: whether registration is open. */
export type AuthConfig = ApiSchema<'AuthConfig'>

/** A 429's body: how many seconds to wait (also in `Retry-After`). */
export type Throttled = ApiSchema<'Throttled'>
