import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'

import { CHART_STATES, niceTicks, type ChartState } from '../types'
import { paths } from '@/app/paths'

const WIDTH = 560
const HEIGHT = 220
const PAD = { top: 16, right: 12, bottom: 32, left: 36 }

/** Runs by state as hand-drawn SVG bars (no chart library). */
export function RunsChart({ runs }: { runs: Record<ChartState, number> }) {
  const { t } = useTranslation()
  const max = Math.max(1, ...CHART_STATES.map((s) => runs[s]))
  const ticks = niceTicks(max)
  const top = ticks[ticks.length - 1] ?? 1
  const plotW = WIDTH - PAD.left - PAD.right
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const slot = plotW / CHART_STATES.length
  const barW = Math.min(56, slot * 0.6)
  const total = CHART_STATES.reduce((sum, s) => sum + runs[s], 0)

  return (
    <section className="card chart-card" aria-labelledby="runs-chart-title">
      <div className="card-header">
        <h2 id="runs-chart-title" className="card-title">
          {t('dashboard.runsTitle')}
        </h2>
        <Link to={paths.processes} className="muted">
          {t('dashboard.runsTotal', { count: total })}
        </Link>
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart" role="img" aria-label={t('dashboard.runsTitle')}>
        {ticks.map((tick) => {
          const y = PAD.top + plotH - (tick / top) * plotH
          return (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} className="chart-grid" />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end" className="chart-axis">
                {tick}
              </text>
            </g>
          )
        })}
        {CHART_STATES.map((state, i) => {
          const value = runs[state]
          const h = (value / top) * plotH
          const x = PAD.left + slot * i + (slot - barW) / 2
          const y = PAD.top + plotH - h
          return (
            <g key={state}>
              <rect x={x} y={y} width={barW} height={Math.max(h, value > 0 ? 2 : 0)} rx={3} className={`bar bar-${state.toLowerCase()}`}>
                <title>{`${t(`state.${state}`)}: ${value}`}</title>
              </rect>
              <text x={x + barW / 2} y={y - 4} textAnchor="middle" className="chart-value">
                {value}
              </text>
              <text x={x + barW / 2} y={HEIGHT - 10} textAnchor="middle" className="chart-label">
                {t(`state.${state}`)}
              </text>
            </g>
          )
        })}
      </svg>
    </section>
  )
}
