import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    // A host in UTC would hide any instant written or read in local time; this zone moves to
    // summer time on 2026-03-29, which the time tests straddle.
    env: { TZ: 'Europe/Berlin' },
    // Many suites talk to a real MariaDB, which workers on a small machine share.
    testTimeout: 15_000,
    hookTimeout: 60_000,
  },
})
