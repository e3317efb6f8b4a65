// The one place where the web app registers the ECharts parts every chart uses (tree-shaken). Charts draw
// with SVG, so their labels are text a screen reader and a test can read. A page that needs more (the
// insights map) registers its extra parts beside it, so other pages do not download them.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
export type EChartsOption = Parameters<echarts.ECharts['setOption']>[0];
