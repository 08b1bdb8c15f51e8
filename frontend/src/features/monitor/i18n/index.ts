/**
 * The monitor's strings. They are the `monitor.*` section of the app's one catalogue
 * (registered in `src/i18n/index.ts`), so components call `t('monitor.…')` with typed keys and
 * `src/i18n/i18n.test.ts` checks them with everything else.
 */
import en from './en.json'
import zhHans from './zh-hans.json'

export const monitorCatalogues = { en, 'zh-hans': zhHans } as const
