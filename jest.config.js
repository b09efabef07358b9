/**
 * `npm test` runs both projects; `npm run test:fast` only the fast one (core, pure, task-pane
 * logic, fake-Office adapter tests). The slow one spawns the command line binary, prints with
 * LibreOffice or runs large robustness, hostile-workbook and writer-equivalence cases. Browser tests:
 * jest.browser.config.js.
 */
const SLOW = [
  '<rootDir>/test/cli/',
  '<rootDir>/test/print/',
  '<rootDir>/test/robustness/',
  '<rootDir>/test/hostile/',
  // writes a 5,000-Leistungen workbook and compares it cell by cell
  '<rootDir>/test/workbook/file/equivalence/',
  // converts every written sheet with LibreOffice and reads the real catalogue (12 s and 4 s under load)
  '<rootDir>/test/workbook/file/package.test.ts',
  // Excel-side change tracking against the strict fake (2,000 Leistungen, 4–5 s) and the compute
  // worker module on generated workbooks (2–3 s)
  '<rootDir>/test/workbook/office/edit-tracking.test.ts',
  '<rootDir>/test/taskpane/computeWorker.test.ts',
  // the Office adapter inside the whole pipeline (read → check → plan → write, 60–500 Leistungen,
  // against the strict fake), an integration test like the command line's (3–4 s)
  '<rootDir>/test/workbook/office/pipeline-roundtrip.test.ts',
];

const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Transpile only, with esbuild (test/esbuildTransform.js): the types of src/ and test/ are
  // checked once by `npm run typecheck` (CI), not again per test file.
  transform: { '^.+\\.tsx?$': '<rootDir>/test/esbuildTransform.js' },
};

module.exports = {
  testTimeout: 60000,
  // Jest's default is one worker fewer than the cores: on the 2-core development and CI machines
  // that is a single worker. Both cores: fast project 23.5 s → 17.5 s wall clock (idle machine).
  maxWorkers: '100%',
  projects: [
    {
      ...base,
      displayName: 'fast',
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', ...SLOW],
    },
    {
      ...base,
      displayName: 'slow',
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
      testMatch: SLOW.map((path) => (path.endsWith('.test.ts') ? path : `${path}**/*.test.ts`)),
      // Tests that run the installed command need the current bundle.
      globalSetup: '<rootDir>/test/globalSetup.js',
    },
  ],
};
