import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiTarget = process.env.MINKA_API_URL ?? 'http://127.0.0.1:3001';

export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    // The installable app: a manifest, and a service worker that keeps the application shell (scripts, styles,
    // the page and its translations) so Minka starts without a connection. It never answers /api or the public
    // report pages (/report), and keeps nothing anyone typed: case data lives only in the encrypted field store.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Minka',
        short_name: 'Minka',
        description: 'Minka: sistema de información contra la trata de personas',
        lang: 'es',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#087f5b',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        // The dashboards' charts and maps are not field work: they load from the server when used.
        globIgnores: ['**/echarts*', '**/Dashboard*', '**/OpenData*', '**/Htcds*', '**/Geography*'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/report/],
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        runtimeCaching: [
          {
            // Reviewed interface strings (public, never personal): fresh when online, the last copy offline.
            urlPattern: ({ url }) => /^\/api\/i18n\/[A-Za-z-]+$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'minka-i18n', networkTimeoutSeconds: 4 },
          },
        ],
      },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { port: Number(process.env.PORT ?? 3000), proxy: { '/api': apiTarget, '/report': apiTarget } },
});
