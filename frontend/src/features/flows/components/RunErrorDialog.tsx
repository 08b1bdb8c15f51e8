import { useTranslation } from 'react-i18next'

import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { ApiError } from '@/lib/api-client'

type Props = { flowName: string; error: unknown; onClose: () => void; onOpenCanvas: () => void }

/** Why a run did not start: every problem, with the stop and property it concerns. */
export function RunErrorDialog({ flowName, error, onClose, onOpenCanvas }: Props) {
  const { t } = useTranslation()
  const problems = error instanceof ApiError ? error.problems : []
  return (
    <Dialog
      title={t('flows.runFailedTitle', { name: flowName })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
          {problems.length > 0 && (
            <button type="button" className="btn btn-primary" onClick={onOpenCanvas}>
              {t('flows.action.open')}
            </button>
          )}
        </>
      }
    >
      {problems.length > 0 ? (
        <>
          <p>{t('flows.runProblems')}</p>
          <ul className="problem-list">
            {problems.map((problem, i) => (
              <li key={i}>
                {problem.stop && <strong>{problem.property ? `${problem.stop} · ${problem.property}` : problem.stop}</strong>}
                <span>{problem.message}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ErrorBanner error={error} />
      )}
    </Dialog>
  )
}
