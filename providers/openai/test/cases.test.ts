// The pack's PackTester suite (test/cases.json) under vitest: coverage, every case replayed through
// the emulator and the check engine, the signing vectors. `apidx packs test` runs the same suite.
import { describe, it } from 'vitest'
import { PackTester } from '@apidx/testing'

PackTester.describe = describe
PackTester.it = it
new PackTester().run(new URL('../pack.json', import.meta.url))
