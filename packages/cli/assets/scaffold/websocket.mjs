// --- WebSocket exchange (ws) ----------------------------------------------------------------------

function exchange(req, cred) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(req.url, { headers: req.headers, handshakeTimeout: TIMEOUT_MS })
    const timer = setTimeout(() => reject(new Error(`no response within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)
    const done = (ok) => {
      clearTimeout(timer)
      socket.terminate()
      resolve(ok)
    }
    let seen = 0
    // A refused handshake: show the status, headers and body exactly as the server sent them.
    socket.on('unexpected-response', (_request, response) => {
      console.log(`HTTP ${response.statusCode}`)
      for (const [name, value] of Object.entries(response.headers)) show(`  ${name}:`, String(value))
      let body = ''
      response.on('data', (chunk) => (body += chunk).length > MAX_CHARS && response.destroy())
      response.on('close', () => (show('body:', body), done(false)))
    })
    socket.on('upgrade', (response) => {
      console.log(`HTTP ${response.statusCode}`)
      for (const [name, value] of Object.entries(response.headers)) show(`  ${name}:`, String(value))
    })
    socket.on('open', () => sendProbe(socket, cred).catch(reject))
    socket.on('message', (data, isBinary) => {
      seen += 1
      if (isBinary) return (show('message:', `<${data.length} binary bytes>`), done(true))
      const text = data.toString('utf8')
      show('message:', text)
      const state = verdict(text)
      const facts = PLAN.response
      if (state === 'error') done(false)
      else if (state === 'end' || !(facts.end || facts.serverCloses)) done(true)
    })
    socket.on('close', (code, reason) => {
      show('close:', `${code} ${reason.toString('utf8')}`)
      done(PLAN.response.serverCloses && code === 1000 && seen > 0)
    })
    socket.on('error', (error) => (clearTimeout(timer), reject(error)))
  })
}

async function sendProbe(socket, cred) {
  for (const frame of PLAN.frames) {
    await new Promise((r) => setTimeout(r, frame.delayMs ?? 0))
    if (frame.type === 'json') socket.send(JSON.stringify(fill(frame.json, cred)))
    else if (frame.type === 'text') socket.send(fill(frame.text ?? '', cred))
    else if (frame.silenceBytes !== undefined) socket.send(Buffer.alloc(frame.silenceBytes))
    else socket.send(Buffer.from(frame.base64 ?? '', 'base64'))
  }
}
