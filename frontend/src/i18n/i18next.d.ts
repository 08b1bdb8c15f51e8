import 'i18next'

import type account from '@/features/account/i18n/en.json'
import type audit from '@/features/audit/i18n/en.json'
import type canvas from '@/features/flow-editor/i18n/en.json'
import type en from './en.json'
import type monitor from '@/features/monitor/i18n/en.json'
import type workspace from '@/features/workspace/i18n/en.json'

// Keys are checked at compile time: a misspelt key passed to t() is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: {
      translation: typeof en & {
        monitor: typeof monitor
        canvas: typeof canvas
        account: typeof account
        audit: typeof audit
        workspace: typeof workspace
      }
    }
  }
}
