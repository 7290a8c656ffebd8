import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests import workspace packages from their TypeScript sources, so a test run needs no prior build
// except for the CLI end-to-end tests, which run the built `rgae` binary (`npm test` builds first).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@rgae\/core\/testing$/, replacement: source('./packages/core/src/testing/index.ts') },
      { find: /^@rgae\/core$/, replacement: source('./packages/core/src/index.ts') },
      { find: /^@rgae\/plugin-ising$/, replacement: source('./packages/plugins/ising/src/index.ts') },
      { find: /^@rgae\/plugin-potts$/, replacement: source('./packages/plugins/potts/src/index.ts') },
      { find: /^@rgae\/plugin-xy$/, replacement: source('./packages/plugins/xy/src/index.ts') },
      { find: /^@rgae\/rg-schemes$/, replacement: source('./packages/rg-schemes/src/index.ts') },
      { find: /^@rgae\/models$/, replacement: source('./packages/models/src/index.ts') },
      { find: /^@rgae\/report$/, replacement: source('./packages/report/src/index.ts') },
      { find: /^@rgae\/study-tests$/, replacement: source('./packages/study-tests/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/**/src/**/*.test.ts', 'tools/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
