// Provider packs: loading, validation and targets.
export {
  parseJson,
  lineColumn,
  pointerSegment,
  printable,
  quote,
  DEFAULT_LIMITS,
  type JsonLimits,
  type JsonIssue,
  type ParseResult,
} from './safe-json.js'
export { checkShape, type SchemaName } from './shape.js'
export { checkMeaning } from './meaning.js'
export { validatePackText, validatePackFile, readCapped, type PackValidation } from './validate.js'
export {
  dataDir,
  looksLikePath,
  looksLikePackage,
  resolvePackage,
  type PackSource,
  type PackSourceKind,
  type BuiltinPacks,
} from './sources.js'
export { loadPack, listPacks, type LoadedPack, type BrokenPack, type LoadOptions } from './load.js'
export {
  resolveTarget,
  matchUrl,
  nearest,
  closeNames,
  didYouMean,
  type Target,
  type TargetSelection,
} from './target.js'
export { hostAllowed, isLoopback } from './hosts.js'
export { urlCredentialNames, fillUrlCredentials, hasUrlCredentials, pathMatcher } from './url-credentials.js'
export { errorEntry, resolveError, sentMessage, variantMessage, type ResolvedError } from './error-entry.js'
export { hostParams, hostTemplateProblem } from './host-params.js'
export { rulesInForce, rankedMatches, ruleMatchesAnswer, shadowWarnings } from './rules.js'
