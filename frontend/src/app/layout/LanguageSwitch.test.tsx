import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { useTranslation } from 'react-i18next'

import { LanguageSwitch } from './LanguageSwitch'
import { changeLanguage } from '@/i18n'
import { renderPage } from '@/test/render'

function Probe() {
  const { t } = useTranslation()
  return (
    <>
      <LanguageSwitch />
      <h1>{t('nav.flows')}</h1>
    </>
  )
}

afterEach(async () => {
  await changeLanguage('en')
  localStorage.clear()
})

describe('language switch', () => {
  it('switches at once and remembers the choice', async () => {
    renderPage(<Probe />)
    expect(screen.getByRole('heading')).toHaveTextContent('Flows')
    await userEvent.click(screen.getByRole('button', { name: '中文' }))
    expect(await screen.findByRole('heading')).toHaveTextContent('流水线')
    expect(localStorage.getItem('piflow.language')).toBe('zh-hans')
    expect(document.cookie).toContain('django_language=zh-hans')
    expect(document.documentElement.lang).toBe('zh-Hans')
  })
})
