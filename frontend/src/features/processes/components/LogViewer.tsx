import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { searchLog } from '../hooks/log-search'
import { Loading } from '@/components/Loading'

type Props = { text: string; loaded: boolean; running: boolean }

/** The log with a search box: matches are highlighted, optionally only matching lines shown. */
export function LogViewer({ text, loaded, running }: Props) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [onlyMatches, setOnlyMatches] = useState(false)
  const [follow, setFollow] = useState(true)
  const deferredQuery = useDeferredValue(query)
  const box = useRef<HTMLDivElement>(null)

  const { lines, total } = useMemo(() => searchLog(text, deferredQuery), [text, deferredQuery])
  const searching = deferredQuery.trim() !== ''
  const shown = searching && onlyMatches ? lines.filter((line) => line.matches > 0) : lines

  // Keep the newest line in view while following.
  useLayoutEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight
  }, [text, follow])

  // Scrolling up stops following; scrolling back to the bottom resumes it.
  useEffect(() => {
    const element = box.current
    if (!element) return
    const onScroll = () => {
      const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 24
      setFollow(atBottom)
    }
    element.addEventListener('scroll', onScroll, { passive: true })
    return () => element.removeEventListener('scroll', onScroll)
  }, [])

  return (
    <div className="card log-card">
      <div className="toolbar">
        <input
          type="search"
          className="search-input"
          placeholder={t('log.searchPlaceholder')}
          aria-label={t('log.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={onlyMatches} onChange={(e) => setOnlyMatches(e.target.checked)} />
          {t('log.onlyMatches')}
        </label>
        {searching && <span className="muted">{t('log.matches', { count: total })}</span>}
        <span className="toolbar-spacer" />
        {running && (
          <span className={`live${follow ? ' live-on' : ''}`}>{follow ? t('log.following') : t('log.paused')}</span>
        )}
        <span className="muted">{t('log.lines', { count: lines.length })}</span>
      </div>
      <div className="log" ref={box} role="log" aria-live="off" tabIndex={0}>
        {!loaded ? (
          <Loading />
        ) : lines.length === 0 ? (
          <div className="empty-state muted">{running ? t('log.waiting') : t('log.empty')}</div>
        ) : (
          shown.map((line) => (
            <div key={line.number} className={`log-line${line.matches ? ' log-hit' : ''}`}>
              <span className="log-number" aria-hidden="true">
                {line.number}
              </span>
              <span className="log-text">
                {line.segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text))}
              </span>
            </div>
          ))
        )}
      </div>
    </div>
  )
}
