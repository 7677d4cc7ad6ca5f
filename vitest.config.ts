import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // every test file removes the temporary folders it made
    setupFiles: ['test/setup.ts'],
  },
});
