import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.MINKA_API_URL ?? 'http://127.0.0.1:3001';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { port: Number(process.env.PORT ?? 3000), proxy: { '/api': apiTarget, '/report': apiTarget } },
});
