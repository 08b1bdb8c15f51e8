/**
 * Stop names the editor makes up or checks: unique names for new stops, and what is wrong with a
 * name the user types. (Port names are canvas rules: `features/canvas-core`, `port-naming.ts`.)
 */
import type { NameProblem } from '@/features/canvas-core'

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

/** What is wrong with a stop name (`null`: nothing). */
export function stopNameProblem(name: string, taken: (name: string) => boolean): NameProblem | null {
  const clean = name.trim()
  if (!clean) return 'empty'
  if (clean.includes(',')) return 'comma' // checkpoints travel comma-separated
  if (taken(clean)) return 'taken'
  return null
}
