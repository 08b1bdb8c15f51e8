import { useTranslation } from 'react-i18next'

import { crumbs } from '../model/paths'

/** The way from the workspace down to ``path``; every folder but the last one opens. */
export function FolderBreadcrumbs({ path, onOpen }: { path: string; onOpen: (path: string) => void }) {
  const { t } = useTranslation()
  const trail = [{ name: t('workspace.root'), path: '' }, ...crumbs(path)]
  return (
    <nav className="breadcrumbs files-breadcrumbs" aria-label={t('common.breadcrumbs')}>
      <ol>
        {trail.map((crumb, index) => (
          <li key={crumb.path}>
            {index === trail.length - 1 ? (
              <span aria-current="page" className="strong">
                {crumb.name}
              </span>
            ) : (
              <button type="button" className="link-button" onClick={() => onOpen(crumb.path)}>
                {crumb.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
