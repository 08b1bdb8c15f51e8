/**
 * The audit trail's strings: the `audit.*` section of the app's one catalogue (registered in
 * `src/i18n/index.ts`), so components call `t('audit.…')` with typed keys.
 */
import en from './en.json'
import zhHans from './zh-hans.json'

export const auditCatalogues = { en, 'zh-hans': zhHans } as const
