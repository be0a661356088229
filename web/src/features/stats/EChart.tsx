// A small ECharts wrapper: only the chart types and components the statistics pages draw are
// imported (echarts/core), the SVG renderer keeps text sharp on tablets, and the chart follows
// its container's size. Import it from the statistics pages only, so ECharts stays in their chunk.
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** A chart with an accessible name; `summary` is read by screen readers instead of the drawing. */
export function EChart(props: {
  option: ChartOption;
  label: string;
  summary: string;
  height?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(props.option, true);
  }, [props.option]);

  // The drawing is an image to assistive technology; its label says what it shows in words.
  return (
    <div
      ref={container}
      role="img"
      aria-label={`${props.label}：${props.summary}`}
      style={{ width: '100%', height: props.height ?? 320 }}
    />
  );
}
