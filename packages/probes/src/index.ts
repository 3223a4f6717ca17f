// @apidx/probes: the built-in probes, one folder each. `builtinProbes` is an explicit list in chain
// order (STYLE habit 2): no scan, no side effects at import time.
import type { Probe } from '@apidx/core'
import version from './version/index.js'
import proxy from './proxy/index.js'
import dns from './dns/index.js'
import tcp from './tcp/index.js'
import tls from './tls/index.js'
import websocket from './websocket/index.js'
import http from './http/index.js'
import clock from './clock/index.js'
import auth from './auth/index.js'
import response from './response/index.js'
import vendorError from './vendor-error/index.js'

/** Every built-in probe, in chain order. */
export const builtinProbes: readonly Probe[] = [
  version,
  proxy,
  dns,
  tcp,
  tls,
  websocket,
  http,
  clock,
  auth,
  response,
  vendorError,
]

export { version, proxy, dns, tcp, tls, websocket, http, clock, auth, response, vendorError }
