/**
 * Every visible string exists in English and Simplified Chinese, and none is written into a
 * component: a missing key, an extra key, a different placeholder or a literal JSX text fails here.
 */
import { describe, expect, it } from 'vitest'

import { resources } from './index'
import { CHART_STATES } from '@/features/dashboard/types'
import { STOP_STATES } from '@/lib/states'

type Tree = { [key: string]: string | Tree }

const PLURAL = /_(zero|one|two|few|many|other)$/

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

/** `a.b_one` and `a.b_other` are one string (`a.b`) in languages with other plural rules. */
function baseKeys(flat: Map<string, string>): Set<string> {
  return new Set([...flat.keys()].map((key) => key.replace(PLURAL, '')))
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort()
}

// The whole catalogue the app registers: src/i18n/*.json and the features' own (features/*/i18n/).
const english = flatten(resources.en.translation as Tree)
const chinese = flatten(resources['zh-hans'].translation as Tree)

/** The app's component sources (not tests), as text. */
const sources = import.meta.glob(['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}', '!/src/**/*.d.ts', '!/src/test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

function lookup(flat: Map<string, string>, key: string): string | undefined {
  return flat.get(key) ?? flat.get(`${key}_other`)
}

describe('translations', () => {
  it('have the same keys in English and Chinese', () => {
    const en = baseKeys(english)
    const zh = baseKeys(chinese)
    expect([...en].filter((key) => !zh.has(key)), 'missing from zh-hans.json').toEqual([])
    expect([...zh].filter((key) => !en.has(key)), 'missing from en.json').toEqual([])
  })

  it('have no empty strings', () => {
    const empty = [...english, ...chinese].filter(([, value]) => value.trim() === '').map(([key]) => key)
    expect(empty).toEqual([])
  })

  it('give every plural an _other form in both languages', () => {
    const plurals = [...english.keys(), ...chinese.keys()].filter((key) => PLURAL.test(key))
    for (const key of plurals) {
      const base = key.replace(PLURAL, '')
      expect(english.has(`${base}_other`), `en: ${base}_other`).toBe(true)
      expect(chinese.has(`${base}_other`), `zh-hans: ${base}_other`).toBe(true)
    }
  })

  it('use the same {{placeholders}} in both languages', () => {
    const differ: string[] = []
    for (const key of baseKeys(english)) {
      const a = placeholders(lookup(english, key) ?? '').filter((name) => name !== 'count')
      const b = placeholders(lookup(chinese, key) ?? '').filter((name) => name !== 'count')
      if (a.join() !== b.join()) differ.push(`${key}: ${a.join()} vs ${b.join()}`)
    }
    expect(differ).toEqual([])
  })

  it('name every state the server sends', () => {
    for (const state of [...STOP_STATES, ...CHART_STATES]) {
      expect(english.has(`state.${state}`), state).toBe(true)
      expect(chinese.has(`state.${state}`), state).toBe(true)
    }
  })

  it('have every key the code asks for', () => {
    const keys = baseKeys(english)
    const missing: string[] = []
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        const key = match[1] ?? ''
        if (!keys.has(key)) missing.push(`${file}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })
})

/** Visible text must come from t(): flag words in JSX text, string children and text attributes. */
export function literalUiText(source: string): string[] {
  const code = source
    .replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '') // {/* JSX comments */}
    .replace(/\/\*[\s\S]*?\*\//g, '') // block comments
    .replace(/^\s*\/\/.*$/gm, '') // line comments
  const found: string[] = []
  const letter = /\p{L}/u
  // Text between a tag's end and the next tag: `<b>Save</b>`, `</span> Run <a>`.
  for (const match of code.matchAll(/>([^<>{}()=;`'"]+)<\/?[A-Za-z]/g)) {
    const text = (match[1] ?? '').trim()
    if (text && letter.test(text) && !/^(return|else|case|default|yield|await)\b/.test(text)) found.push(text)
  }
  // String literals as children: `<b>{'Save'}</b>`, `> {"Save"} <`, `>{`Save`}<`.
  for (const match of code.matchAll(/>\s*\{\s*(['"`])((?:(?!\1)[^\n])*)\1\s*\}\s*<\/?[A-Za-z]/g)) {
    const text = (match[2] ?? '').replace(/\$\{[^}]*\}/g, '')
    if (letter.test(text)) found.push(text)
  }
  // Text attributes a person reads.
  for (const match of code.matchAll(/\b(placeholder|title|alt|aria-label|label)=(["'])([^"']*)\2/g)) {
    if (letter.test(match[3] ?? '')) found.push(`${match[1]}="${match[3]}"`)
  }
  return found
}

describe('components', () => {
  it('contain no literal UI text', () => {
    const offenders: string[] = []
    for (const [file, text] of Object.entries(sources)) {
      if (!file.endsWith('.tsx')) continue
      for (const literal of literalUiText(text)) offenders.push(`${file}: ${literal}`)
    }
    expect(offenders).toEqual([])
  })

  it('are caught when they do contain some', () => {
    expect(literalUiText('<button>Save</button>')).toEqual(['Save'])
    expect(literalUiText('<p>保存</p>')).toEqual(['保存'])
    expect(literalUiText("<b>{'Run now'}</b>")).toEqual(['Run now'])
    expect(literalUiText('<input placeholder="Search" />')).toEqual(['placeholder="Search"'])
    expect(literalUiText("<b>{t('flows.title')}</b><i>{'×'}</i><img alt=\"\" />")).toEqual([])
  })
})
