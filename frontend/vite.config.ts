/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Django (daphne) in development; `npm run dev` proxies the server's paths to it.
const server = process.env.PIFLOW_DEV_SERVER ?? 'http://127.0.0.1:8000'

const proxied = (ws = false) => ({
  target: server,
  changeOrigin: true,
  ws,
  // Django's CSRF check compares Origin with the host it is served on.
  headers: { origin: server },
})

export default defineConfig(({ command }) => ({
  plugins: [react()],
  // Built files are served by Django (WhiteNoise) under /ui/: see frontend/middleware.py.
  base: command === 'build' ? '/ui/' : '/',
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // Trailing slashes matter: '/flow/' is the server's, '/flows' the app's.
    proxy: {
      '/api/': proxied(),
      '/stop/': proxied(),
      '/flow/': proxied(),
      '/group/': proxied(),
      '/i18n/': proxied(),
      '/admin/': proxied(),
      '/static/': proxied(),
      '/ws/': proxied(true),
    },
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
}))
