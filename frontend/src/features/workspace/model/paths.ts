/**
 * Workspace paths as the API takes them: relative to the workspace, `/`-separated, `''` for the
 * workspace itself.
 */

/** `path` without empty or `.` parts: `./in//2024/` is `in/2024`. */
export function normalisePath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/')
}

/** `name` inside `folder`. */
export function joinPath(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name
}

/** The last part of `path` (the name of the file or folder it names). */
export function baseName(path: string): string {
  const parts = normalisePath(path).split('/')
  return parts[parts.length - 1] ?? ''
}

export type Crumb = { name: string; path: string }

/** Each folder from the workspace down to `path`: `in/2024` gives `in` and `in/2024`. */
export function crumbs(path: string): Crumb[] {
  const parts = normalisePath(path).split('/').filter(Boolean)
  return parts.map((name, index) => ({ name, path: parts.slice(0, index + 1).join('/') }))
}
