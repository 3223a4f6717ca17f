// @apidx/testing: PackTester (a pack's cases against the emulator and the check engine) for pack
// authors, `apidx packs test` and apidx's own CI.
export {
  PackTester,
  testPack,
  type PackTestReport,
  type PackTestResult,
  type TestPackOptions,
} from './tester.js'
export { planPackTests, PackTestFailure, type PackPlan, type PlannedTest, type TestGroup } from './plan.js'
export { defaultCasesFile } from './files.js'
// ProbeTester (a probe's cases in the real chain), fixture servers and a fake clock, for probe authors.
export {
  ProbeTester,
  testProbe,
  planProbeTests,
  ProbeTestFailure,
  type ProbeCase,
  type InvalidProbeCase,
  type ExpectedFinding,
  type ProbeTestSpec,
  type PlannedProbeTest,
  type ProbeTestResult,
} from './probe-tester.js'
export {
  startFixture,
  type FixtureReply,
  type FixtureTls,
  type FixtureOptions,
  type FixtureServer,
} from './fixture-server.js'
export { fakeClock, offsetClock, type FakeClock } from './clock.js'
// A real forward proxy on loopback (the `proxy` package), for tests of apidx behind a proxy.
export { startProxy, type TestProxy, type ProxyServerOptions } from './proxy-server.js'
