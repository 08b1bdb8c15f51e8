import type { ReactNode } from 'react'

/** A short list of label: value pairs (a side panel's facts). */
export function Details({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl className="monitor-details">
      {items.map(([label, value]) => (
        <div key={label} className="monitor-details-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
