/**
 * The back end's API types by name, for the features' `types.ts`: `ApiSchema<'Flow'>`. They come
 * from src/lib/api-schema.ts, generated from the server's OpenAPI schema (`npm run api-types`), so
 * a change to a serializer shows up here as a type error instead of a surprise at run time.
 */
import type { components } from './api-schema'

/** Every component of the schema (`Flow`, `Process`, `Problem`, ...). */
export type ApiSchemas = components['schemas']

/** One component of the schema, as it is. */
export type ApiSchema<Name extends keyof ApiSchemas> = ApiSchemas[Name]

/**
 * What a model serializer answers with: every field of the component. The schema shares one
 * component between requests and responses, so a model field with a default (a flow's
 * `description` or `revision`, a run's `state`) is optional there; every response carries it.
 */
export type Sent<Name extends keyof ApiSchemas> = Required<ApiSchemas[Name]>

/**
 * One page of a DRF list (`?page=`): the shape of every `Paginated…List` in the schema, for any
 * item type.
 */
export type Page<Item> = Omit<ApiSchema<'PaginatedFlowList'>, 'results'> & { results: Item[] }
