// @vitest-environment node
/**
 * The feature boundaries of .oxlintrc.json at work: the project's own config runs (with the
 * project's oxlint) over a small made-up tree, and must flag exactly the imports that break them.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const frontend = fileURLToPath(new URL('../..', import.meta.url))
const oxlint = join(frontend, 'node_modules', '.bin', 'oxlint')

/** Files of the made-up tree: `bad` ones break the boundaries once each, the others do not. */
const FILES: Record<string, { bad: boolean; source: string }> = {
  'src/features/b/index.ts': { bad: false, source: "export { port } from './ports'\n" },
  'src/features/b/ports.ts': { bad: false, source: 'export const port = 1\n' },
  'src/features/a/ok.ts': {
    bad: false,
    source: [
      "import { port } from '@/features/b'",
      "import { port as again } from '@/features/b/index'",
      "import { api } from '@/lib/api-client'",
      "import { mine } from './model/mine'",
      'export const all = [port, again, api, mine]',
    ].join('\n'),
  },
  'src/features/a/model/mine.ts': { bad: false, source: "import { top } from '../top'\nexport const mine = top\n" },
  'src/features/a/top.ts': { bad: false, source: 'export const top = 1\n' },
  'src/app/router.ts': { bad: false, source: "import { port } from '@/features/b/ports'\nexport const outside = port\n" },
  'src/features/a/deep.ts': { bad: true, source: "import { port } from '@/features/b/ports'\nexport const deep = port\n" },
  'src/features/a/types.ts': { bad: true, source: "import type { Port } from '@/features/b/model/types'\nexport type Mine = Port\n" },
  'src/features/a/reexport.ts': { bad: true, source: "export { port } from '@/features/b/ports'\n" },
  'src/features/a/lazy.ts': { bad: true, source: "export const load = () => import('@/features/b/ports')\n" },
  'src/features/a/climb.ts': { bad: true, source: "import { port } from '../b/ports'\nexport const climb = port\n" },
  'src/features/a/model/climb.ts': { bad: true, source: "import { port } from '../../b/ports'\nexport const climb = port\n" },
  'src/features/a/model/inner/climb.ts': { bad: true, source: "import { api } from '../../../../lib/api-client'\nexport const climb = api\n" },
}

let tree = ''

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'piflow-boundaries-'))
  copyFileSync(join(frontend, '.oxlintrc.json'), join(tree, '.oxlintrc.json'))
  for (const [path, { source }] of Object.entries(FILES)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true })
    writeFileSync(join(tree, path), source)
  }
})

afterAll(() => {
  if (tree) rmSync(tree, { recursive: true, force: true })
})

describe('feature boundaries', () => {
  it('fail the lint on every import that reaches into another feature, and on nothing else', () => {
    const run = spawnSync(oxlint, ['-f', 'unix', 'src'], { cwd: tree, encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(1)
    const flagged = run.stdout
      .split('\n')
      .filter((line) => line.includes('no-restricted-imports'))
      .map((line) => line.split(':')[0])
      .sort()
    const bad = Object.entries(FILES)
      .filter(([, file]) => file.bad)
      .map(([path]) => path)
      .sort()
    expect(flagged).toEqual(bad)
  })
})
