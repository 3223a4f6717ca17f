// The meaning checks of a signing scheme that JSON Schema cannot express: every `{reference}` names
// something that exists at that point, the signature step exists, ids are unique. Pure; the pack
// validator reports each problem with its JSON pointer.
import type { AuthScheme } from '../generated/index.js'
import { signatureStep } from './evaluate.js'
import { references } from './template.js'

/** One problem in a scheme, with its pointer relative to the scheme. */
export interface SchemeProblem {
  pointer: string
  message: string
  remedy: string
}

const URL_PARTS = new Set(['hostname', 'host', 'path', 'protocol'])

/** Checks a scheme's references and ids; `credentials` are the pack's credential names. */
export function checkScheme(scheme: AuthScheme, credentials: string[]): SchemeProblem[] {
  const problems: SchemeProblem[] = []
  const defined = new Map<string, string>()
  const declaredParams = scheme.params ? new Set(Object.keys(scheme.params)) : undefined
  const checkRefs = (template: string, pointer: string) => {
    for (const ref of references(template)) {
      const [head, ...rest] = ref.split('.')
      const tail = rest.join('.')
      let ok: boolean
      let remedy =
        'Refer to an earlier step, {cred.<name>}, {param.<name>}, {url.hostname|host|path|protocol}, {method}, {body}, {header.<name>} or {query.<name>}.'
      if (head === 'cred') {
        ok = credentials.includes(tail)
        remedy = `Declare the credential under /credentials, or use one of: ${credentials.join(', ')}.`
      } else if (head === 'param') {
        ok = tail !== '' && (!declaredParams || declaredParams.has(tail))
        remedy = "Declare the parameter under the scheme's params."
      } else if (head === 'url') ok = URL_PARTS.has(tail)
      else if (head === 'method' || head === 'body') ok = tail === ''
      else if (head === 'header' || head === 'query') ok = tail !== ''
      else if (tail === 'names' || tail === 'lines') ok = defined.get(head!) === 'canonicalHeaders'
      else ok = tail === '' && defined.has(head!)
      if (!ok)
        problems.push({
          pointer,
          message: `refers to {${ref}}, which ${head && defined.has(head) ? 'has no such part' : 'is not defined before this point'}`,
          remedy,
        })
    }
  }
  scheme.steps.forEach((step, i) => {
    const at = `/steps/${i}`
    const templates: [string, string][] = []
    if (step.op === 'template') templates.push([step.text, `${at}/text`])
    if (step.op === 'hash' || step.op === 'encode') templates.push([step.data, `${at}/data`])
    if (step.op === 'hmac') templates.push([step.key, `${at}/key`], [step.data, `${at}/data`])
    if (step.op === 'canonicalQuery')
      for (const [k, t] of Object.entries(step.add ?? {})) templates.push([t, `${at}/add/${k}`])
    if (step.op === 'set') {
      for (const [k, t] of Object.entries(step.query ?? {})) templates.push([t, `${at}/query/${k}`])
      for (const [k, t] of Object.entries(step.header ?? {})) templates.push([t, `${at}/header/${k}`])
    }
    for (const [t, p] of templates) checkRefs(t, p)
    if (step.id !== undefined) {
      if (defined.has(step.id))
        problems.push({
          pointer: `${at}/id`,
          message: `repeats the step id ${JSON.stringify(step.id)}`,
          remedy: 'Give each step its own id.',
        })
      defined.set(step.id, step.op)
    }
  })
  for (const [kind, map] of [
    ['query', scheme.place.query],
    ['header', scheme.place.header],
  ] as const) {
    for (const [k, t] of Object.entries(map ?? {})) checkRefs(t, `/place/${kind}/${k}`)
  }
  if (Object.keys(scheme.place.query ?? {}).length + Object.keys(scheme.place.header ?? {}).length === 0) {
    problems.push({
      pointer: '/place',
      message: 'places nothing in the request',
      remedy: 'Place the signature (or the values that carry it) under place.query or place.header.',
    })
  }
  const sig = signatureStep(scheme)
  if (!defined.has(sig))
    problems.push({
      pointer: scheme.signature !== undefined ? '/signature' : '/steps',
      message: `names the signature step ${JSON.stringify(sig)}, which the scheme does not have`,
      remedy: `Use one of: ${[...defined.keys()].join(', ')}.`,
    })
  return problems
}
