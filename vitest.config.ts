import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    // The suite shares two cores with other work: a test that takes 1 s alone can take 6 s then.
    testTimeout: 20_000,
  },
});
