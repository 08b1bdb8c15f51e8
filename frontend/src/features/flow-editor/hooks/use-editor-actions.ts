import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'

import { links } from '@/app/paths'
import { flowQueryOptions, useDebugFlow, useRunFlow } from '@/features/flows'
import { isApiError } from '@/lib/api-client'
import { useSaveFlow } from '../api/save-flow'
import { stopsQueryOptions } from '../api/get-stops'
import { useEditorStoreApi } from '../store/editor-store-context'

/** Save, run and debug-run this editor's flow, and what the 409 dialog needs. */
export function useEditorActions(flowId: number) {
  const store = useEditorStoreApi()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const { i18n } = useTranslation()
  const saveMutation = useSaveFlow()
  const runMutation = useRunFlow()
  const debugMutation = useDebugFlow()
  /** The stored revision when a save was refused as stale (409). */
  const [conflict, setConflict] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)

  const save = useCallback(
    async (basedOn?: number): Promise<boolean> => {
      const state = store.getState()
      setError(null)
      try {
        const flow = await saveMutation.mutateAsync({ id: flowId, revision: basedOn ?? state.revision, flow: state.toFlow() })
        store.getState().markSaved(flow.revision, flow.problems)
        return true
      } catch (cause) {
        if (isApiError(cause, 409)) {
          const revision = Number(cause.body.revision)
          setConflict(Number.isFinite(revision) && revision > 0 ? revision : state.revision)
        } else {
          if (isApiError(cause) && cause.problems.length) store.getState().setProblems(cause.problems)
          setError(cause)
        }
        return false
      }
    },
    [store, flowId, saveMutation],
  )

  const start = useCallback(
    async (mode: 'run' | 'debug') => {
      if (store.getState().dirty && !(await save())) return
      setError(null)
      try {
        const process = await (mode === 'debug' ? debugMutation : runMutation).mutateAsync(flowId)
        navigate(links.process(process.id))
      } catch (cause) {
        if (isApiError(cause) && cause.problems.length) store.getState().setProblems(cause.problems)
        setError(cause)
      }
    },
    [store, flowId, save, navigate, runMutation, debugMutation],
  )

  /** Drop the canvas's changes and load the flow as it is stored now. */
  const reload = useCallback(async () => {
    const [flow, stops] = await Promise.all([
      queryClient.fetchQuery({ ...flowQueryOptions(flowId), staleTime: 0 }),
      queryClient.ensureQueryData(stopsQueryOptions(i18n.language)),
    ])
    store.getState().load(flow, stops)
    setConflict(null)
    setError(null)
  }, [store, flowId, queryClient, i18n.language])

  /** Save over the other change (based on the stored revision). */
  const overwrite = useCallback(async () => {
    const revision = conflict
    setConflict(null)
    if (revision !== null) await save(revision)
  }, [conflict, save])

  return {
    save: () => save(),
    run: () => start('run'),
    debug: () => start('debug'),
    reload,
    overwrite,
    conflict,
    dismissConflict: () => setConflict(null),
    error,
    dismissError: () => setError(null),
    saving: saveMutation.isPending,
    starting: runMutation.isPending || debugMutation.isPending,
  }
}

export type EditorActions = ReturnType<typeof useEditorActions>
