import { useTranslation } from 'react-i18next'

type Props = {
  page: number
  pageSize: number
  count: number
  onPage: (page: number) => void
}

export function Pagination({ page, pageSize, count, onPage }: Props) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(count / pageSize))
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <span className="muted">{t('common.total', { count })}</span>
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  )
}
