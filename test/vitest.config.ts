// One vitest run over every package (a project each), the provider packs and the end-to-end suite.
// The workspace packages resolve to their TypeScript sources, so a test never runs a stale dist/; only
// the process-level smoke tests (which spawn bin/run.js) need the build.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))
const sources = [
  { find: /^@apidx\/(core|probes|mock|testing)$/, replacement: `${root}packages/$1/src/index.ts` },
]

const project = (name: string, dir: string, include: string[], testTimeout: number) => ({
  resolve: { alias: sources },
  test: { name, root: dir, include, testTimeout },
})
const pkg = (name: string, dir: string) =>
  project(name, dir, ['src/**/*.test.ts', 'test/**/*.test.ts'], 20_000)

export default defineConfig({
  test: {
    projects: [
      pkg('core', 'packages/core'),
      pkg('probes', 'packages/probes'),
      pkg('mock', 'packages/mock'),
      pkg('testing', 'packages/testing'),
      pkg('cli', 'packages/cli'),
      project('providers', 'providers', ['*/test/**/*.test.ts', '*/*.test.ts', '*.test.ts'], 30_000),
      project('e2e', 'test', ['e2e/**/*.test.ts'], 60_000),
    ],
  },
})
