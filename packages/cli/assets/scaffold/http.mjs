// --- HTTP exchange (fetch) ------------------------------------------------------------------------

async function exchange(req) {
  const response = await fetch(req.url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  console.log(`HTTP ${response.status}`)
  for (const [name, value] of response.headers) show(`  ${name}:`, value)
  const text = (await response.text()).slice(0, MAX_CHARS)
  show('body:', text)
  return response.ok && verdict(text) !== 'error'
}
