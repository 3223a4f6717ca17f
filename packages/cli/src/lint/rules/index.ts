// The built-in lint rules: an explicit list, by id.
import type { Rule } from '../rule.js'
import { blockingInit } from './blocking-init.js'
import { hardcodedCredential } from './hardcoded-credential.js'
import { missingDocHeader } from './missing-doc-header.js'
import { staleEndpoint } from './stale-endpoint.js'
import { swallowedError } from './swallowed-error.js'
import { timestampFormat } from './timestamp-format.js'

export const RULES: Record<string, Rule> = {
  'swallowed-error': swallowedError,
  'blocking-init': blockingInit,
  'stale-endpoint': staleEndpoint,
  'timestamp-format': timestampFormat,
  'hardcoded-credential': hardcodedCredential,
  'missing-doc-header': missingDocHeader,
}
