import { createBrowserRouter, RouterProvider } from 'react-router-dom'

import { AppLayout } from './layout/AppLayout'
import { NotFound } from './NotFound'
import { RequireAnonymous, RequireAuth } from './guards'
import { paths } from './paths'
import { AccountPage } from '@/features/account'
import { LoginPage } from '@/features/auth/components/LoginPage'
import { RegisterPage } from '@/features/auth/components/RegisterPage'
import { DashboardPage } from '@/features/dashboard/components/DashboardPage'
import { FlowListPage } from '@/features/flows/components/FlowListPage'
import { ProcessListPage } from '@/features/processes/components/ProcessListPage'
import { ProcessLogPage } from '@/features/processes/components/ProcessLogPage'
import { FilesPage } from '@/features/workspace'

/**
 * Every page has a URL and survives a reload: the server answers every UI path with the app.
 * The canvas and the monitor load on demand (they bring the graph and code-editor libraries).
 */
const router = createBrowserRouter([
  {
    element: <RequireAnonymous />,
    children: [
      { path: paths.login, element: <LoginPage /> },
      { path: paths.register, element: <RegisterPage /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: paths.flows, element: <FlowListPage /> },
          {
            path: paths.flowEdit,
            lazy: async () => ({ Component: (await import('@/features/flow-editor')).FlowEditorPage }),
          },
          { path: paths.processes, element: <ProcessListPage /> },
          {
            path: paths.process,
            lazy: async () => ({ Component: (await import('@/features/monitor')).MonitorPage }),
          },
          { path: paths.processLog, element: <ProcessLogPage /> },
          { path: paths.files, element: <FilesPage /> },
          { path: paths.audit, lazy: async () => ({ Component: (await import('@/features/audit')).AuditPage }) },
          { path: paths.account, element: <AccountPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
])

export function AppRouter() {
  return <RouterProvider router={router} />
}
