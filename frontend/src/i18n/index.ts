/**
 * i18next with both languages bundled (no loading step). Every visible string of the UI is a key
 * in `en.json` and `zh-hans.json`; `i18n.test.ts` fails when either misses one.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'

import { monitorCatalogues as monitor } from '@/features/monitor/i18n'
import { canvasCatalogues as canvas } from '@/features/flow-editor/i18n'
import { accountCatalogues as account } from '@/features/account/i18n'
import { auditCatalogues as audit } from '@/features/audit/i18n'
import { workspaceCatalogues as workspace } from '@/features/workspace/i18n'
import { setApiLanguage } from '@/lib/api-client'
import en from './en.json'
import zhHans from './zh-hans.json'

export const LANGUAGES = ['en', 'zh-hans'] as const
export type Language = (typeof LANGUAGES)[number]

export const resources = {
  en: {
    translation: {
      ...en,
      monitor: monitor.en,
      canvas: canvas.en,
      account: account.en,
      audit: audit.en,
      workspace: workspace.en,
    },
  },
  'zh-hans': {
    translation: {
      ...zhHans,
      monitor: monitor['zh-hans'],
      canvas: canvas['zh-hans'],
      account: account['zh-hans'],
      audit: audit['zh-hans'],
      workspace: workspace['zh-hans'],
    },
  },
} as const

const STORAGE_KEY = 'piflow.language'
/** Django's LANGUAGE_COOKIE_NAME: the server answers in the language this cookie names. */
const DJANGO_COOKIE = 'django_language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value.toLowerCase())
}

function cookie(name: string): string | null {
  const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${name}=([^;]*)`))
  return match?.[1] ? decodeURIComponent(match[1]) : null
}

/** The remembered choice, else the server's cookie, else the browser's language. */
export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (isLanguage(stored)) return stored.toLowerCase() as Language
  } catch {
    // storage may be disabled; fall through
  }
  const fromCookie = cookie(DJANGO_COOKIE)
  if (isLanguage(fromCookie)) return fromCookie.toLowerCase() as Language
  const browser = typeof navigator !== 'undefined' ? navigator.language.toLowerCase() : 'en'
  return browser.startsWith('zh') ? 'zh-hans' : 'en'
}

function applyLanguage(language: Language): void {
  setApiLanguage(language)
  document.documentElement.lang = language === 'zh-hans' ? 'zh-Hans' : 'en'
  // What /i18n/setlang/ would set; written here so it works before login too (no CSRF token needed).
  document.cookie = `${DJANGO_COOKIE}=${language}; path=/; max-age=31536000; SameSite=Lax`
}

/** Switch the whole UI at once, remember it, and tell the server. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // not remembered, but still switched
  }
  applyLanguage(language)
  await i18n.changeLanguage(language)
}

const language = initialLanguage()
applyLanguage(language)

void i18n.use(initReactI18next).init({
  resources,
  lng: language,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  lowerCaseLng: true,
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
})

export default i18n
