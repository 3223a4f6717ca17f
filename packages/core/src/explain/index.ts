// `apidx explain` as a pure library: vendor codes, statuses, close codes, error bodies and symptoms, from packs as data.
export { checkInputSize, explain, MAX_INPUT_BYTES, type ExplainOptions } from './explain.js'
export { maskSecrets, isSecretName, MASK } from './mask.js'
export { HTTP_STATUSES, WS_CLOSE_CODES, httpStatus, wsClose } from './codes.js'
export { SYMPTOMS, symptomForClose, symptomForStatus, symptomForText, type Symptom } from './symptoms.js'
export { CAUSES, DIAGNOSIS_CAUSES, rankCauses, type CatalogueCause, type CauseInput } from './causes.js'
export { suggestCodes } from './suggest.js'
export type {
  BestAnswer,
  ExplainKind,
  ExplainMatch,
  ExplainSuggestion,
  Explanation,
  GenericCode,
  GenericExplanation,
  RankedCause,
  Recognised,
  VendorScore,
} from './types.js'
export { FORMS, extract, type Extracted, type Form } from './extract/index.js'
export { FIELD_NAMES } from './extract/fields.js'
