// The one answer `explain` leads with, and why: the first pack match, unless the text itself names a
// vendor whose pack has no entry for it — then the generic symptom, so another vendor's meaning is
// never presented as the answer.
import { SYMPTOMS } from './symptoms.js'
import type { BestAnswer, ExplainMatch, GenericExplanation } from './types.js'
import { namedVendor, type VendorEvidence } from './vendor.js'

/** The answer to lead with, or undefined when neither a pack nor the generic table has a diagnosis. */
export function bestAnswer(
  matches: readonly ExplainMatch[],
  generic: GenericExplanation | undefined,
  vendors: readonly VendorEvidence[],
): BestAnswer | undefined {
  const named = namedVendor(vendors)
  const top = matches[0]
  const evidence = (provider: string) => vendors.find((v) => v.provider === provider)?.evidence ?? []
  const symptomDiagnosis = generic?.symptom ? diagnosisOf(generic) : undefined
  if (top && (named === undefined || top.provider === named)) {
    const why = evidence(top.provider)
    return {
      diagnosis: top.diagnosis,
      source: 'pack',
      provider: top.provider,
      ...(top.service !== undefined ? { service: top.service } : {}),
      ...(top.code !== undefined ? { code: top.inputCode ?? top.code } : {}),
      why: why.length
        ? why.map((e) => `${top.provider}: ${e}`)
        : [`the ${top.provider} pack's entry matches the input`],
    }
  }
  if (named !== undefined && symptomDiagnosis) {
    return {
      diagnosis: symptomDiagnosis,
      source: 'generic',
      provider: named,
      why: [
        ...evidence(named).map((e) => `${named}: ${e}`),
        `the ${named} pack has no entry for this input; the generic meaning is shown first${top ? ` and ${top.provider}'s entry after it` : ''}`,
      ],
    }
  }
  if (top)
    return {
      diagnosis: top.diagnosis,
      source: 'pack',
      provider: top.provider,
      ...(top.service !== undefined ? { service: top.service } : {}),
      ...(top.code !== undefined ? { code: top.inputCode ?? top.code } : {}),
      why: evidence(top.provider).map((e) => `${top.provider}: ${e}`),
    }
  if (symptomDiagnosis)
    return {
      diagnosis: symptomDiagnosis,
      source: 'generic',
      why: [`the input reads as "${generic!.symptom!.name}"`],
    }
  return undefined
}

/** The symptom's finding code, from the symptom table. */
function diagnosisOf(g: GenericExplanation): string | undefined {
  return g.symptom ? SYMPTOM_DIAGNOSIS.get(g.symptom.id) : undefined
}

const SYMPTOM_DIAGNOSIS = new Map(SYMPTOMS.filter((s) => s.diagnosis).map((s) => [s.id, s.diagnosis!]))
