// --- Running the check ----------------------------------------------------------------------------

const TIMEOUT_MS = 10_000
const MAX_CHARS = 1 << 20
const SECRETS = []

function readCredentials() {
  const cred = {}
  const missing = []
  for (const [name, c] of Object.entries(PLAN.credentials)) {
    const value = process.env[c.env] ?? ''
    if (value) cred[name] = value
    else if (!c.optional) missing.push(c.env)
  }
  if (missing.length) {
    console.log(`Set ${missing.join(', ')} in the environment (never on the command line).`)
    process.exit(2)
  }
  return cred
}

function redact(text) {
  return SECRETS.reduce((t, secret) => (secret ? t.split(secret).join('***') : t), text)
}

function show(label, text) {
  console.log(`${label} ${redact(text.slice(0, 2000))}`)
}

function fill(value, cred) {
  if (typeof value === 'string') return value.replace(/\{cred\.([A-Za-z0-9_]+)\}/g, (m, n) => cred[n] ?? m)
  if (Array.isArray(value)) return value.map((v) => fill(v, cred))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, cred)]))
  return value
}

function pointer(doc, path) {
  for (const raw of path.split('/').slice(1)) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (doc === null || typeof doc !== 'object' || !Object.hasOwn(doc, part)) return undefined
    doc = doc[part]
  }
  return doc
}

/** 'error', 'end' or undefined for one response, by the pack's response facts. */
function verdict(text) {
  let doc
  try {
    doc = JSON.parse(text)
  } catch {
    return undefined
  }
  const facts = PLAN.response
  const code = facts.errorCode ? pointer(doc, facts.errorCode) : undefined
  if (code !== undefined && code !== null && !facts.okCodes.map(String).includes(String(code))) return 'error'
  if (facts.end && JSON.stringify(pointer(doc, facts.end.pointer)) === JSON.stringify(facts.end.equals))
    return 'end'
  return undefined
}

async function main() {
  const cred = readCredentials()
  for (const [name, value] of Object.entries(cred)) if (PLAN.credentials[name].secret) SECRETS.push(value)
  const endpoint = fill(process.argv[2] ?? PLAN.url, cred)
  const body = PLAN.request.body === undefined ? undefined : JSON.stringify(fill(PLAN.request.body, cred))
  const url = new URL(endpoint)
  for (const [k, v] of Object.entries(PLAN.request.query))
    if (!url.searchParams.has(k)) url.searchParams.set(k, v)
  const req = { method: PLAN.request.method, url: url.toString(), headers: { ...PLAN.request.headers }, body }
  if (PLAN.auth) {
    const signed = await sign({
      provider: PLAN.provider,
      service: PLAN.service,
      version: PLAN.version,
      ...req,
      credentials: cred,
    })
    Object.assign(req, { url: signed.url, headers: signed.headers })
    SECRETS.push(...signed.secrets)
  }
  console.log(`${req.method} ${url.origin}${url.pathname} (${PLAN.service} ${PLAN.version})`)
  const ok = await exchange(req, cred)
  console.log(ok ? 'OK' : 'FAIL')
  process.exit(ok ? 0 : 1)
}

main().catch((error) => {
  console.log(`FAIL: ${redact(String(error?.message ?? error))}`)
  process.exit(1)
})
