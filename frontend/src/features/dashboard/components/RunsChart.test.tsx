import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { RunsChart } from './RunsChart'
import { niceTicks, runsByChartState } from '../types'
import { renderPage } from '@/test/render'

describe('runs chart', () => {
  it('groups queued and unknown states as other', () => {
    expect(runsByChartState({ INIT: 2, STARTED: 1, COMPLETED: 5, FAILED: 0, KILLED: 1, ODD: 1 })).toEqual({
      STARTED: 1,
      COMPLETED: 5,
      FAILED: 0,
      KILLED: 1,
      OTHER: 3,
    })
  })

  it('picks round ticks', () => {
    expect(niceTicks(1)).toEqual([0, 1])
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8])
    expect(niceTicks(180)).toEqual([0, 50, 100, 150, 200])
  })

  it('draws one labelled bar per state', () => {
    renderPage(<RunsChart runs={{ STARTED: 1, COMPLETED: 5, FAILED: 2, KILLED: 0, OTHER: 0 }} />)
    expect(screen.getByText('Completed')).toBeInTheDocument()
    expect(screen.getByText('8 runs')).toBeInTheDocument()
    expect(document.querySelectorAll('rect.bar')).toHaveLength(5)
  })
})
