// The dashboard's ECharts parts beyond the shared ones: the choropleth map, its colour scale, and the canvas
// renderer that draws PNG downloads.
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { type EChartsOption, echarts } from '../../components/echarts';

echarts.use([MapChart, VisualMapComponent, CanvasRenderer]);

export { type EChartsOption, echarts };

/** A PNG (data URL) of an option drawn off screen on a canvas at twice the resolution, on white. */
export function renderPng(option: EChartsOption, width: number, height: number): string {
  const host = document.createElement('div');
  const chart = echarts.init(host, undefined, { renderer: 'canvas', width, height });
  try {
    chart.setOption({ ...(option as object), animation: false });
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  } finally {
    chart.dispose();
  }
}
