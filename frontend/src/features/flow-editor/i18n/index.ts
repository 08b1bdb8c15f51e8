/**
 * The canvas editor's strings (and the shared stop node's, `features/canvas-core`). They are the
 * `canvas.*` section of the app's one catalogue (registered in `src/i18n/index.ts`), so components
 * call `t('canvas.…')` with typed keys and `src/i18n/i18n.test.ts` checks them with everything else.
 */
import en from './en.json'
import zhHans from './zh-hans.json'

export const canvasCatalogues = { en, 'zh-hans': zhHans } as const
