// `apidx explain` as a pure library: vendor codes, statuses, close codes, error bodies and symptoms, from packs as data.
export { explain, MAX_INPUT_BYTES, type ExplainOptions } from './explain.js'
export { maskSecrets, isSecretName, MASK } from './mask.js'
export { HTTP_STATUSES, WS_CLOSE_CODES, httpStatus, wsClose } from './codes.js'
export { SYMPTOMS, symptomForClose, symptomForStatus, symptomForText, type Symptom } from './symptoms.js'
export { CAUSES, DIAGNOSIS_CAUSES, rankCauses, type CatalogueCause, type CauseInput } from './causes.js'
export { suggestCodes } from './suggest.js'
export type {
  ExplainKind,
  ExplainMatch,
  ExplainSuggestion,
  Explanation,
  GenericCode,
  GenericExplanation,
  RankedCause,
} from './types.js'
