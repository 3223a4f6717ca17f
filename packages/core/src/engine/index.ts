// The probe engine: plugin API, planning, running, the one connection and its clients.
export { defineProbe, createRegistry, type ProbeRegistry } from './define.js'
export type {
  Probe,
  ProbeMeta,
  ProbeContext,
  FindingSpec,
  FindingInput,
  EngineFinding,
  Severity,
  AppliesTo,
  CredentialView,
} from './types.js'
export { planChain, applies, type PlannedLink } from './plan.js'
export {
  runChecks,
  type RunOptions,
  type RunResult,
  type LinkResult,
  type LinkStatus,
  type ProgressEvent,
} from './run.js'
export { deadlinesFor, runBudget, DEFAULT_TIMEOUT_MS, type PhaseDeadlines } from './deadlines.js'
export { coreSigner } from './sign.js'
export {
  prepareRequest,
  credentialsOf,
  withholdReason,
  type Signer,
  type PreparedRequest,
} from './prepare.js'
export { wsExchange, type WsExchangeOptions, type OutgoingFrame } from './ws-client.js'
export { httpExchange, type HttpExchangeOptions } from './http-client.js'
export { systemResolver, type Resolver, type TlsOptions } from './socket.js'
export { toNetFailure, timeoutFailure, type NetFailure, type Phase, type TlsReason } from './safe-error.js'
export type { Exchange, PhaseTimings, ResponseHead, ReceivedFrame, CloseInfo, TlsInfo } from './exchange.js'
export { getPointer, tryJson, decodeNested } from './pointer.js'
export { MAX_BODY_BYTES, MAX_FRAME_BYTES, MAX_FRAMES, excerpt } from './limits.js'
export { loadFrameValidator, checkFrame, type SchemaProblem } from './frame-schema.js'
export { decodeEventStream, encodeEventStream, type EventStreamMessage } from './event-stream.js'
export { CONTROL_HOST, type ResolvedAddress } from './socket.js'
export type { ProxyHop } from './exchange.js'
export { tlsEvidence } from './tls-evidence.js'
