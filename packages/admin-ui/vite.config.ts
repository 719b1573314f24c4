import solid from 'vite-plugin-solid'
import { defineConfig } from 'vite'

import { reportSize } from './scripts/report-size.ts'

// The host supplies Solid and its router; the SDK and the UA parser travel with the module.
const HOST_PROVIDED = [/^solid-js(\/|$)/, /^@solidjs\/router(\/|$)/]

export default defineConfig(({ mode }) => ({
  plugins: [solid(), mode === 'size' && reportSize()],
  build: {
    target: 'es2022',
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: 'index',
      cssFileName: 'admin-ui',
    },
    rolldownOptions: {
      external: HOST_PROVIDED,
      // Nothing imports this build (the host compiles the sources); it exists to measure what a
      // production bundle carries, so whitespace goes too, unlike Vite's default for libraries.
      output: { minify: true },
    },
  },
}))
