import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it, vi } from 'vitest'

import type { PropertyDescriptor } from '@/features/canvas-core'
import i18n from '@/i18n'
import { MASK, PropertyField } from './PropertyField'

const property = (extra: Partial<PropertyDescriptor>): PropertyDescriptor => ({
  name: 'p',
  label: 'Thing',
  description: 'What the thing is.',
  type: 'string',
  default: '',
  required: false,
  example: 'an example',
  choices: [],
  sensitive: false,
  language: 'Text',
  ...extra,
})

function renderField(descriptor: PropertyDescriptor, value: string, errors?: string[]) {
  const onChange = vi.fn()
  render(
    <I18nextProvider i18n={i18n}>
      <PropertyField property={descriptor} value={value} errors={errors} onChange={onChange} />
    </I18nextProvider>,
  )
  return onChange
}

describe('PropertyField', () => {
  it('marks a required property and explains it behind a "?"', () => {
    renderField(property({ required: true }), '')
    expect(screen.getByText('*')).toHaveClass('required')
    expect(screen.getByRole('tooltip')).toHaveTextContent('What the thing is.')
    expect(screen.getByRole('tooltip')).toHaveTextContent('Example: an example')
    expect(screen.getByRole('button', { name: 'About Thing' })).toBeInTheDocument()
  })

  it('offers the choices in a drop-down', async () => {
    const onChange = renderField(property({ choices: ['append', 'overwrite'] }), 'append')
    const select = screen.getByLabelText('Thing')
    expect(select.tagName).toBe('SELECT')
    await userEvent.selectOptions(select, 'overwrite')
    expect(onChange).toHaveBeenCalledWith('p', 'overwrite')
  })

  it('keeps a masked secret in a password input, and says so', () => {
    renderField(property({ sensitive: true }), MASK)
    const input = screen.getByLabelText('Thing')
    expect(input).toHaveAttribute('type', 'password')
    expect(input).toHaveValue(MASK)
    expect(screen.getByText(/A secret is stored/)).toBeInTheDocument()
  })

  it("shows the server's messages under the field", () => {
    renderField(property({}), 'x', ['is required'])
    expect(screen.getByLabelText('Thing')).toHaveAccessibleDescription('is required')
  })
})
