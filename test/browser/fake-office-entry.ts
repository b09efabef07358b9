/**
 * Stands in for office.js in the Office-mode browser test: Office.onReady reports host Excel and
 * Excel.run drives OFFICE's strict fake of the Excel API (test/workbook/office/fake-excel.ts),
 * seeded with the sheets the test put on window.__seedSheets. Bundled by esbuild in the test.
 * window.__syncDelayMs (optional) makes every context.sync() wait that long first, as Excel on
 * the web does over the network, so a test can watch a write's progress and cancel it.
 */
import { FakeExcel } from '../workbook/office/fake-excel';

type Seed = { name: string; values: (string | number | boolean | null)[][] }[];
const w = window as unknown as {
  __seedSheets?: Seed;
  __syncDelayMs?: number;
  __fake?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
};

const fake = new FakeExcel();
for (const sheet of w.__seedSheets ?? []) fake.seedSheet(sheet.name, sheet.values);
w.__fake = fake;

const info = { host: 'Excel', platform: 'PC' };
w.Office = {
  HostType: { Excel: 'Excel' },
  onReady: (callback?: (i: typeof info) => unknown) => Promise.resolve(callback ? callback(info) : info),
  context: { requirements: fake.requirements, officeTheme: { bodyBackgroundColor: '#FFFFFF' } },
};
/** The context with a slow sync (when asked for); everything else is the fake's own. */
function slow(ctx: Excel.RequestContext): Excel.RequestContext {
  const delay = w.__syncDelayMs ?? 0;
  if (delay <= 0) return ctx;
  return new Proxy(ctx, {
    get(target, prop) {
      if (prop === 'sync')
        return async () => {
          await new Promise((r) => setTimeout(r, delay));
          return target.sync();
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

w.Excel = {
  run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => fake.run((ctx) => batch(slow(ctx))),
};
