// The workbench is served by the Sanxiang server under /app/ (server/src/modules/webapp/). In
// development `npm run dev -w web` proxies /api to a server started with `npm start`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': process.env.SANXIANG_API ?? 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
  },
});
