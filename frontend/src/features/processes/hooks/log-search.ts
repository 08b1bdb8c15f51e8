/** Pure helpers of the log page's search (tested in log-search.test.ts). */

export type Segment = { text: string; match: boolean }
export type LogLine = { number: number; segments: Segment[]; matches: number }

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Lines of `text` with every case-insensitive occurrence of `query` marked. */
export function searchLog(text: string, query: string): { lines: LogLine[]; total: number } {
  const raw = text.endsWith('\n') ? text.slice(0, -1) : text
  const source = raw === '' ? [] : raw.split('\n')
  const needle = query.trim()
  const pattern = needle ? new RegExp(escapeRegExp(needle), 'gi') : null
  let total = 0
  const lines = source.map((line, i) => {
    if (!pattern) return { number: i + 1, segments: [{ text: line, match: false }], matches: 0 }
    const segments: Segment[] = []
    let last = 0
    let matches = 0
    for (const found of line.matchAll(pattern)) {
      const start = found.index ?? 0
      if (start > last) segments.push({ text: line.slice(last, start), match: false })
      segments.push({ text: found[0], match: true })
      last = start + found[0].length
      matches += 1
    }
    if (last < line.length || segments.length === 0) segments.push({ text: line.slice(last), match: false })
    total += matches
    return { number: i + 1, segments, matches }
  })
  return { lines, total }
}
