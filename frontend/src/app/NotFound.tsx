import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'

import { paths } from './paths'

export function NotFound() {
  const { t } = useTranslation()
  return (
    <div className="card empty-state">
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.text')}</p>
      <Link className="btn btn-primary" to={paths.dashboard}>
        {t('notFound.home')}
      </Link>
    </div>
  )
}
