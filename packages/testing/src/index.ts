// @apidx/testing: PackTester (a pack's cases against the emulator and the check engine) for pack
// authors, `apidx packs test` and apidx's own CI.
export { PackTester, testPack, type PackTestReport, type PackTestResult, type TestPackOptions } from './tester.js'
export { planPackTests, PackTestFailure, type PackPlan, type PlannedTest, type TestGroup } from './plan.js'
export { defaultCasesFile } from './files.js'
