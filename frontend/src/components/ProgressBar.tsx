import { useTranslation } from 'react-i18next'

/** 0-100, with the number beside the bar. */
export function ProgressBar({ value, state }: { value: number; state?: string }) {
  const { t } = useTranslation()
  const percent = Math.max(0, Math.min(100, Math.round(value)))
  return (
    <div className="progress" title={t('common.progress', { percent })}>
      <div
        className={`progress-track progress-${(state ?? 'started').toLowerCase()}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t('common.progress', { percent })}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-label">{`${percent}%`}</span>
    </div>
  )
}
