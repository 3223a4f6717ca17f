// One vitest run over every package (a project each), the provider packs and the end-to-end suite.
import { defineConfig } from 'vitest/config'

const pkg = (name: string, dir: string) => ({
  test: { name, root: dir, include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 20_000 },
})

export default defineConfig({
  test: {
    projects: [
      pkg('core', 'packages/core'),
      pkg('probes', 'packages/probes'),
      pkg('mock', 'packages/mock'),
      pkg('testing', 'packages/testing'),
      pkg('cli', 'packages/cli'),
      { test: { name: 'providers', root: 'providers', include: ['*/test/**/*.test.ts', '*/*.test.ts', '*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'e2e', root: 'test', include: ['e2e/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
})
