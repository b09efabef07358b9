/** End-to-end tests of the task pane in Debian's Chromium (playwright-core). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': '<rootDir>/test/esbuildTransform.js' },
  testTimeout: 180000,
};
