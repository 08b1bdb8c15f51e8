/**
 * An event's `details` as short lines for the table: `fields: description, stops`,
 * `stops.changed.Db: properties.password`. The server puts only names and plain facts there
 * (never a secret's value), so they are shown as they are, untranslated, like the names they are.
 */
export function detailLines(details: Record<string, unknown>): string[] {
  const lines: string[] = []
  const visit = (value: unknown, path: string) => {
    if (value === null || value === undefined) return
    if (Array.isArray(value)) {
      if (value.length > 0) lines.push(`${path}: ${value.map(String).join(', ')}`)
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        visit(inner, path ? `${path}.${key}` : key)
      }
    } else {
      lines.push(`${path}: ${String(value)}`)
    }
  }
  visit(details, '')
  return lines
}
