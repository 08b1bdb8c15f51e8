/** Names the editor makes up: unique stop names, suggested port names, checks on user-given ones. */

/** `base`, else `base_2`, `base_3`, ... whichever is free. */
export function uniqueName(base: string, taken: ReadonlySet<string> | ((name: string) => boolean)): string {
  const isTaken = typeof taken === 'function' ? taken : (name: string) => taken.has(name)
  const clean = base.trim() || 'Stop'
  if (!isTaken(clean)) return clean
  for (let i = 2; ; i++) {
    const candidate = `${clean}_${i}`
    if (!isTaken(candidate)) return candidate
  }
}

/** `out1`, `out2`, ...: the first `prefix<n>` not in `taken`. */
export function suggestPort(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let i = 1; ; i++) {
    const candidate = `${prefix}${i}`
    if (!used.has(candidate)) return candidate
  }
}

export type NameProblem = 'empty' | 'taken' | 'comma' | 'reserved'

/** What is wrong with a stop name (`null`: nothing). */
export function stopNameProblem(name: string, taken: (name: string) => boolean): NameProblem | null {
  const clean = name.trim()
  if (!clean) return 'empty'
  if (clean.includes(',')) return 'comma' // checkpoints travel comma-separated
  if (taken(clean)) return 'taken'
  return null
}

/** What is wrong with a user-given port name (`null`: nothing). */
export function portNameProblem(name: string, taken: ReadonlySet<string>): NameProblem | null {
  const clean = name.trim()
  if (!clean) return 'empty'
  if (clean.includes(',')) return 'comma' // port lists travel comma-separated
  if (['default', 'any', 'none', 'route'].includes(clean.toLowerCase())) return 'reserved'
  if (taken.has(clean)) return 'taken'
  return null
}
