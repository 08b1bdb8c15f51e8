import { Outlet } from 'react-router-dom'

import { Header } from './Header'

export function AppLayout() {
  return (
    <div className="app-shell">
      <Header />
      <main className="app-main" id="main">
        <Outlet />
      </main>
    </div>
  )
}
