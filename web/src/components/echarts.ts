// The one place where the web app registers ECharts parts (tree-shaken). Charts draw on screen with SVG, so
// their labels are text a screen reader and a test can read; the canvas renderer only draws PNG downloads.
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
  CanvasRenderer,
]);

export { echarts };
export type EChartsOption = Parameters<echarts.ECharts['setOption']>[0];

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
