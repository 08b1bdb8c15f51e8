import type { StopDescriptor } from '@/features/canvas-core'

/** `name` is the group id, `label` its name in the UI's language. */
export type PaletteGroup = { name: string; label: string; stops: StopDescriptor[] }

/** Stops by group, keeping those whose name or description contains `query` (any case). */
export function paletteGroups(descriptors: readonly StopDescriptor[], query: string): PaletteGroup[] {
  const needle = query.trim().toLowerCase()
  const groups = new Map<string, StopDescriptor[]>()
  const labels = new Map<string, string>()
  for (const descriptor of descriptors) {
    if (
      needle &&
      !descriptor.name.toLowerCase().includes(needle) &&
      !descriptor.description.toLowerCase().includes(needle)
    )
      continue
    const ids = descriptor.groups.length ? descriptor.groups : ['']
    ids.forEach((group, i) => {
      if (!labels.has(group)) labels.set(group, descriptor.groupLabels?.[i] || group)
    })
    for (const group of ids) {
      const list = groups.get(group)
      if (list) list.push(descriptor)
      else groups.set(group, [descriptor])
    }
  }
  return [...groups].map(([name, stops]) => ({ name, label: labels.get(name) ?? name, stops }))
}
