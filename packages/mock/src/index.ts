// @apidx/mock: the pack-driven vendor emulator (HTTP + WebSocket on loopback, TLS optional, the fault
// matrix as scenarios). `apidx mock` and `apidx check --mock` run it; tests drive it directly.
export { startMock, CLOCK_SKEW_MS, UNRESOLVABLE_HOST } from './server.js'
export { scenarios, findScenario } from './scenarios.js'
export { demoCredentials, clientCredentials } from './credentials.js'
export { SERVERNAME, makeCertificates } from './certificates.js'
export type { CertificateSet, ServedCertificate } from './certificates.js'
export type { MockOptions, MockServer, RecordedRequest, Scenario, ScenarioClient } from './types.js'
export { startSession, notFoundResolver } from './session.js'
export type { MockSession, SessionOptions } from './session.js'
export type { GatewayReply } from './types.js'
