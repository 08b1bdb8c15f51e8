/**
 * The account page's strings: the `account.*` section of the app's one catalogue (registered in
 * `src/i18n/index.ts`), so components call `t('account.…')` with typed keys and
 * `src/i18n/i18n.test.ts` checks them with everything else.
 */
import en from './en.json'
import zhHans from './zh-hans.json'

export const accountCatalogues = { en, 'zh-hans': zhHans } as const
