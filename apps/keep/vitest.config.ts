import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'keep',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/testing/build-web-ui.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
