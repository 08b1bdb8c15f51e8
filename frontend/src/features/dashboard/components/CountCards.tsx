import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'

import type { Dashboard } from '../types'
import { paths } from '@/app/paths'

const ITEMS = ['flows', 'groups', 'schedules', 'datasources', 'stops'] as const

/** How many flows, groups, schedules, data sources and stops there are. */
export function CountCards({ counts }: { counts: Dashboard['counts'] }) {
  const { t } = useTranslation()
  return (
    <section className="grid grid-5" aria-label={t('dashboard.counts')}>
      {ITEMS.map((item) => {
        const body = (
          <>
            <div className="count-value">{counts[item]}</div>
            <div className="card-title">{t(`dashboard.count.${item}`)}</div>
          </>
        )
        return item === 'flows' ? (
          <Link key={item} to={paths.flows} className="card count-card count-card-link">
            {body}
          </Link>
        ) : (
          <div key={item} className="card count-card">
            {body}
          </div>
        )
      })}
    </section>
  )
}
