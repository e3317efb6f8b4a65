// The dashboard's ECharts parts beyond the shared ones: the choropleth map, its colour scale, and the canvas
// renderer that draws PNG downloads (fetched only when someone downloads an image: the page itself draws SVG).
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { type EChartsOption, echarts } from '../../components/echarts';

echarts.use([MapChart, VisualMapComponent]);

export { type EChartsOption, echarts };

const scale = 2;

/**
 * A PNG (data URL) of an option drawn off screen on a canvas at twice the resolution, on white, with the
 * chart's title above and a line of context (filters, disclosure) below, so the image explains itself.
 */
export async function renderPng(
  option: EChartsOption,
  width: number,
  height: number,
  text: { title: string; footer: string },
): Promise<string> {
  const { install } = await import('echarts/lib/renderer/installCanvasRenderer.js');
  echarts.use(install);
  const host = document.createElement('div');
  const chart = echarts.init(host, undefined, { renderer: 'canvas', width, height });
  let url: string;
  try {
    chart.setOption({ ...(option as object), animation: false });
    url = chart.getDataURL({ type: 'png', pixelRatio: scale, backgroundColor: '#fff' });
  } finally {
    chart.dispose();
  }
  const image = new Image();
  image.src = url;
  await image.decode();
  const head = 44 * scale;
  const foot = 32 * scale;
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + head + foot;
  const ctx = canvas.getContext('2d');
  if (!ctx) return url;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#212529';
  ctx.font = `bold ${16 * scale}px sans-serif`;
  ctx.fillText(text.title, 12 * scale, 28 * scale, canvas.width - 24 * scale);
  ctx.drawImage(image, 0, head);
  ctx.fillStyle = '#495057';
  ctx.font = `${11 * scale}px sans-serif`;
  ctx.fillText(text.footer, 12 * scale, head + image.height + 20 * scale, canvas.width - 24 * scale);
  return canvas.toDataURL('image/png');
}
