import { useId, type ReactNode } from 'react'

type Props = {
  label: string
  errors?: string[]
  hint?: string
  required?: boolean
  children: (id: string, describedBy: string | undefined) => ReactNode
}

/** A label, the control, its hint and the server's messages for that field. */
export function Field({ label, errors, hint, required, children }: Props) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-errors`
  const describedBy = [hint ? hintId : '', errors?.length ? errorId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${errors?.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {'*'}
          </span>
        )}
      </label>
      {children(id, describedBy)}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <ul id={errorId} className="field-errors">
          {errors.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

type TextFieldProps = Omit<Props, 'children'> & {
  name: string
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'email' | 'password'
  autoComplete?: string
  maxLength?: number
}

/** A ``Field`` holding one text input, the common case of a form. */
export function TextField({ name, value, onChange, type, autoComplete, maxLength, ...field }: TextFieldProps) {
  return (
    <Field {...field}>
      {(id, describedBy) => (
        <input
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          maxLength={maxLength}
          required={field.required}
        />
      )}
    </Field>
  )
}
