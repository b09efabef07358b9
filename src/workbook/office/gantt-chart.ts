import type { GanttChartSpec } from '../../core/layout/types';
import type { Step } from './batches';
import { commandsBytes } from './payload';

/** Number format of the chart's date axis (ExcelApi 1.8). */
export const AXIS_DATE_FORMAT = 'MM.YYYY';

/**
 * The native Gantt chart: a stacked bar chart over (label, start serial, duration days).
 * The start series is invisible (no fill, no line), so each bar begins at its start date;
 * bars take their wave colours point by point; the category axis runs in reverse so the first
 * project is on top; the value axis spans the plan from first to last date.
 */
export function ganttSteps(spec: GanttChartSpec, ws: () => Excel.Worksheet, options: { axisFormat: boolean }): Step[] {
  let chart: Excel.Chart | undefined;
  let bars: Excel.ChartSeries | undefined;
  const steps: Step[] = [
    {
      bytes: commandsBytes(28, [spec.dataRange, spec.title, spec.anchorCell]),
      queue: () => {
        const sheet = ws();
        chart = sheet.charts.add('BarStacked', sheet.getRange(spec.dataRange), 'Columns');
        chart.title.text = spec.title;
        chart.legend.visible = false;
        chart.setPosition(spec.anchorCell);
        chart.width = spec.width;
        chart.height = spec.height;
        const start = chart.series.getItemAt(0);
        start.format.fill.clear();
        start.format.line.lineStyle = 'None';
        bars = chart.series.getItemAt(1);
        bars.gapWidth = 50;
        const category = chart.axes.categoryAxis;
        category.reversePlotOrder = true;
        const value = chart.axes.valueAxis;
        value.minimum = spec.minSerial;
        value.maximum = spec.maxSerial;
        if (options.axisFormat) value.numberFormat = AXIS_DATE_FORMAT;
      },
    },
  ];
  // The commonest colour goes on the whole series in one command; only the others point by point.
  const common = mostCommon(spec.barColors);
  if (common) {
    steps.push({ bytes: commandsBytes(3, [common]), queue: () => bars!.format.fill.setSolidColor(`#${common}`) });
  }
  spec.barColors.forEach((color, i) => {
    if (color === common) return;
    steps.push({
      bytes: commandsBytes(5, [i, color]),
      queue: () => bars!.points.getItemAt(i).format.fill.setSolidColor(`#${color}`),
    });
  });
  return steps;
}

function mostCommon(colors: string[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const c of colors) {
    const n = (counts.get(c) ?? 0) + 1;
    counts.set(c, n);
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}
