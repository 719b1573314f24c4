import '@testing-library/jest-dom/vitest'
import { configure } from '@solidjs/testing-library'

// Queries over a full page of rows are slow in jsdom; give async assertions room on busy machines.
configure({ asyncUtilTimeout: 5_000 })
