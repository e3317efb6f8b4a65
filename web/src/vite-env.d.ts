/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** ECharts' canvas renderer on its own, so the dashboard can fetch it only when an image is downloaded. */
declare module 'echarts/lib/renderer/installCanvasRenderer.js' {
  export const install: Parameters<typeof import('echarts/core').use>[0];
}
