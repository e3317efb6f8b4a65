// `npm run dev`: the demo API on port 3001, restarted on change (tsx watch), and Vite with hot reload on PORT (3000), proxying /api.
import { spawn } from 'node:child_process';

const webPort = process.env.PORT ?? '3000';
const apiPort = process.env.MINKA_API_PORT ?? '3001';
const children = [
  spawn(
    process.execPath,
    ['--import', 'tsx', 'node_modules/tsx/dist/cli.mjs', 'watch', 'src/cli.ts', 'serve', '--demo'],
    {
      stdio: 'inherit',
      env: { ...process.env, PORT: apiPort, MINKA_SECURE_COOKIES: process.env.MINKA_SECURE_COOKIES ?? 'false' },
    },
  ),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', webPort, '--strictPort'], {
    stdio: 'inherit',
    env: { ...process.env, MINKA_API_URL: `http://127.0.0.1:${apiPort}` },
  }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && code !== 0 && stop());
