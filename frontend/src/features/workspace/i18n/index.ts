/**
 * The Files page's strings. They are the `workspace.*` section of the app's one catalogue
 * (registered in `src/i18n/index.ts`), so components call `t('workspace.…')` with typed keys and
 * `src/i18n/i18n.test.ts` checks them with everything else.
 */
import en from './en.json'
import zhHans from './zh-hans.json'

export const workspaceCatalogues = { en, 'zh-hans': zhHans } as const
