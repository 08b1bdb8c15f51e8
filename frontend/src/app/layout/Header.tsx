import { useTranslation } from 'react-i18next'
import { Link, NavLink } from 'react-router-dom'

import { LanguageSwitch } from './LanguageSwitch'
import { UserMenu } from './UserMenu'
import { links, paths } from '../paths'
import { useMe } from '@/features/auth/api/get-me'

export function Header() {
  const { t } = useTranslation()
  const me = useMe()
  const navClass = ({ isActive }: { isActive: boolean }) => `nav-link${isActive ? ' active' : ''}`
  return (
    <header className="app-header">
      <Link to={paths.dashboard} className="brand">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={24} height={24} />
        <span>{t('app.name')}</span>
      </Link>
      <nav className="main-nav" aria-label={t('nav.main')}>
        <NavLink to={paths.dashboard} end className={navClass}>
          {t('nav.dashboard')}
        </NavLink>
        <NavLink to={paths.flows} className={navClass}>
          {t('nav.flows')}
        </NavLink>
        <NavLink to={paths.processes} className={navClass}>
          {t('nav.processes')}
        </NavLink>
        <NavLink to={paths.files} className={navClass}>
          {t('workspace.nav')}
        </NavLink>
        {me.data?.is_admin && (
          <NavLink to={paths.audit} className={navClass}>
            {t('audit.nav')}
          </NavLink>
        )}
        {me.data?.is_admin && (
          <a href={links.admin} className="nav-link">
            {t('nav.admin')}
          </a>
        )}
      </nav>
      <div className="header-tools">
        <LanguageSwitch />
        {me.data && <UserMenu user={me.data} />}
      </div>
    </header>
  )
}
