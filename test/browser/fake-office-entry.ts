/**
 * Stands in for office.js in the Office-mode browser test: Office.onReady reports host Excel and
 * Excel.run drives OFFICE's strict fake of the Excel API (test/workbook/office/fake-excel.ts),
 * seeded with the sheets the test put on window.__seedSheets. Bundled by esbuild in the test.
 */
import { FakeExcel } from '../workbook/office/fake-excel';

type Seed = { name: string; values: (string | number | boolean | null)[][] }[];
const w = window as unknown as { __seedSheets?: Seed; __fake?: FakeExcel; Office?: unknown; Excel?: unknown };

const fake = new FakeExcel();
for (const sheet of w.__seedSheets ?? []) fake.seedSheet(sheet.name, sheet.values);
w.__fake = fake;

const info = { host: 'Excel', platform: 'PC' };
w.Office = {
  HostType: { Excel: 'Excel' },
  onReady: (callback?: (i: typeof info) => unknown) => Promise.resolve(callback ? callback(info) : info),
  context: { requirements: fake.requirements, officeTheme: { bodyBackgroundColor: '#FFFFFF' } },
};
w.Excel = { run: fake.run };
