// The signing engine's public API (DESIGN §4): sign, verify, and the pieces commands reuse.
export {
  signRequest,
  schemeFor,
  requiredCredentials,
  secretCredentials,
  type Clock,
  type SignOptions,
  type SignResult,
  type SignedStep,
} from './sign.js'
export {
  evaluate,
  signatureStep,
  type EvalInput,
  type EvalResult,
  type StepValue,
  type Value,
} from './evaluate.js'
export {
  workingRequest,
  requestUrl,
  headerRecord,
  parseQuery,
  type RequestInput,
  type HeaderInput,
  type WorkingRequest,
} from './request.js'
export { formatTime, parseTime, parseInstant } from './time.js'
export { percentEncode, percentDecode } from './encoding.js'
export { parseTemplate, matchTemplate, references } from './template.js'
export {
  verifyRequest,
  type VerifyInput,
  type VerifyResult,
  type VerifyReason,
  type StepDifference,
} from './verify.js'
export { mutations, type Mutation } from './mistakes.js'
export { parseRequestText } from './parse-request.js'
export { checkScheme, type SchemeProblem } from './check.js'
export { replayableValues } from './replayable.js'
