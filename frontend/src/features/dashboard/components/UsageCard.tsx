import { formatPercent } from '@/lib/format'

type Props = { title: string; percent: number; detail: string; hint?: string }

/** One resource (CPU, memory, disk): a big number and a meter that turns amber, then red. */
export function UsageCard({ title, percent, detail, hint }: Props) {
  const level = percent >= 90 ? 'high' : percent >= 70 ? 'medium' : 'low'
  return (
    <div className="card usage-card">
      <div className="card-title">{title}</div>
      <div className="usage-value">{formatPercent(percent)}</div>
      <div className={`meter meter-${level}`} role="meter" aria-label={title} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)}>
        <div className="meter-fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
      </div>
      <div className="muted usage-detail" title={hint}>
        {detail}
      </div>
    </div>
  )
}
