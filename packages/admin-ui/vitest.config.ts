import solid from 'vite-plugin-solid'
import { defineProject } from 'vitest/config'

export default defineProject({
  plugins: [solid()],
  test: {
    name: 'admin-ui',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
  },
})
