import 'i18next'

import type en from './en.json'

// Keys are checked at compile time: a misspelt key passed to t() is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
