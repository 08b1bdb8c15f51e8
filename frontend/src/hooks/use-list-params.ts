import { useCallback } from 'react'
import { useSearchParams } from 'react-router-dom'

/**
 * A list's page and filters kept in the URL (`?page=2&search=csv`), so a reload or a shared link
 * shows the same list. Changing a filter goes back to page 1.
 */
export function useListParams<K extends string>(filters: readonly K[]) {
  const [params, setParams] = useSearchParams()
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const values = Object.fromEntries(filters.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>

  const setPage = useCallback(
    (next: number) =>
      setParams((current) => {
        const copy = new URLSearchParams(current)
        if (next <= 1) copy.delete('page')
        else copy.set('page', String(next))
        return copy
      }),
    [setParams],
  )

  const setFilter = useCallback(
    (key: K, value: string) =>
      setParams(
        (current) => {
          const copy = new URLSearchParams(current)
          if (value) copy.set(key, value)
          else copy.delete(key)
          copy.delete('page')
          return copy
        },
        { replace: true },
      ),
    [setParams],
  )

  return { page, values, setPage, setFilter }
}
