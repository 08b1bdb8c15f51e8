import { useTranslation } from 'react-i18next'

import type { Problem } from '@/lib/api-client'
import { useEditorStore } from '../store/editor-store-context'

/** Every problem of the flow, each naming its stop as a button that selects it. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation()
  const select = useEditorStore((s) => s.select)
  if (problems.length === 0) return null
  return (
    <div className="banner banner-error editor-problems" role="alert">
      <strong>{t('canvas.problems.title', { count: problems.length })}</strong>
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>
            {problem.stop && (
              <button type="button" className="link-button problem-stop" onClick={() => select(problem.stop ?? null)}>
                {problem.stop}
              </button>
            )}
            {problem.property && <code className="problem-property">{problem.property}</code>}
            <span>{problem.message}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
