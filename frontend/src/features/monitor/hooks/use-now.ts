import { useEffect, useState } from 'react'

/** `Date.now()`, refreshed every `intervalMs` while `active` (a clock for elapsed times that tick). */
export function useNow(active: boolean, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [active, intervalMs])
  return now
}
