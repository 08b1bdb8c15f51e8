import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'

import { paths } from '../paths'
import { useLogout } from '@/features/auth/api/logout'
import type { User } from '@/features/auth/types'

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const logout = useLogout()
  const navigate = useNavigate()

  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [open])

  const onLogout = () => {
    logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) })
  }

  return (
    <div className="user-menu" ref={box}>
      <button
        type="button"
        className="user-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {user.username.slice(0, 1).toUpperCase()}
        </span>
        <span>{user.username}</span>
      </button>
      {open && (
        <div className="menu" role="menu">
          <div className="menu-info">
            <div>{t('user.signedInAs', { username: user.username })}</div>
            <div className="muted">{user.is_admin ? t('user.roleAdmin') : t('user.roleUser')}</div>
          </div>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              setOpen(false)
              navigate(paths.account)
            }}
          >
            {t('account.menu')}
          </button>
          <button type="button" role="menuitem" className="menu-item" onClick={onLogout} disabled={logout.isPending}>
            {t('user.logout')}
          </button>
        </div>
      )}
    </div>
  )
}
