import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'

type Props = {
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons along the bottom edge. */
  footer?: ReactNode
  width?: 'narrow' | 'wide'
}

/** A modal dialog (portalled to <body>): Escape or the backdrop closes it, focus moves into it. */
export function Dialog({ title, onClose, children, footer, width = 'narrow' }: Props) {
  const { t } = useTranslation()
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    document.addEventListener('keydown', onKey)
    const first = panel.current?.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog-close)')
    first?.focus()
    return () => document.removeEventListener('keydown', onKey)
  }, [onClose])

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={panel}
        className={`dialog dialog-${width}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="dialog-close" aria-label={t('common.close')} onClick={onClose}>
            {'×'}
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  )
}
