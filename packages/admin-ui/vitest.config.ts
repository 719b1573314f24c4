import solid from 'vite-plugin-solid'
import { defineProject } from 'vitest/config'

export default defineProject({
  plugins: [solid()],
  test: {
    name: 'admin-ui',
    environment: 'jsdom',
    // Role queries walk the whole jsdom tree; a page of rows makes them slow on busy machines.
    testTimeout: 20_000,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
  },
})
