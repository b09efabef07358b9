import { parseRange } from '../../core/address';
import type { OutputBundle } from '../../core/layout/types';

/** Days between Excel's 1900 and 1904 date systems (Mac workbooks may use the latter). */
export const DAYS_1900_TO_1904 = 1462;
const DATE_FORMAT = /(^|[^"\\])(d{1,4}|y{2,4})/i;

/** Layouts carry 1900-system serials; a 1904-system workbook needs its date cells shifted. */
export function shiftDateSerials(bundle: OutputBundle, days: number): OutputBundle {
  const layouts = bundle.layouts.map((layout) => {
    const values = layout.values.map((row) => [...row]);
    for (const nf of layout.numberFormats) {
      if (!DATE_FORMAT.test(nf.format)) continue;
      const box = parseRange(nf.range);
      for (let r = box.top; r <= Math.min(box.bottom, values.length); r++) {
        const row = values[r - 1];
        for (let c = box.left; c <= Math.min(box.right, row.length); c++) {
          const v = row[c - 1];
          if (typeof v === 'number') row[c - 1] = v + days;
        }
      }
    }
    return { ...layout, values };
  });
  const chart = bundle.chart && {
    ...bundle.chart,
    minSerial: bundle.chart.minSerial + days,
    maxSerial: bundle.chart.maxSerial + days,
  };
  return { ...bundle, layouts, chart };
}
