import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    // Many suites talk to a real MariaDB, which workers on a small machine share.
    testTimeout: 15_000,
    hookTimeout: 60_000,
  },
})
