// The Python script: header, the plan as a literal, the signing steps written out, the standard-library
// runtime and the exchange for the service's protocol. No dependency beyond Python 3.8's standard library.
import type { ProviderPack } from '@apidx/core'
import { asset } from './assets.js'
import { headerComment } from './header.js'
import { planScheme, type ScriptPlan } from './plan.js'
import { pyLiteral, signFunction } from './python-steps.js'

const IMPORTS =
  'import base64, datetime, email.utils, hashlib, hmac, json, os, secrets, socket, ssl, struct, sys, time, uuid\n' +
  'import urllib.error, urllib.parse, urllib.request'

/** The whole script for a plan. */
export function pythonScript(pack: ProviderPack, plan: ScriptPlan, header: string[]): string {
  const scheme = planScheme(pack, plan)
  const parts = [
    '#!/usr/bin/env python3',
    headerComment(header, 'python'),
    `"""${asset('usage.txt').replaceAll('{script}', 'python3 check.py').trimEnd()}"""`,
    IMPORTS,
    `PLAN = ${pyLiteral(plan)}`,
    scheme ? signFunction(plan.auth!.id, scheme) : 'sign = None',
    asset('runtime.py'),
    asset(plan.protocol === 'websocket' ? 'websocket.py' : 'http.py'),
    asset('common.py'),
  ]
  return parts.map((p) => p.trimEnd()).join('\n\n\n') + '\n'
}
