// Valid and invalid cases of swallowed-error, blocking-init and stale-endpoint, in Python and JS/TS.
import { ruleTester } from './rule-tester.js'

ruleTester('swallowed-error', {
  valid: [
    {
      name: 'python: re-raised after logging',
      file: 'a.py',
      code: 'try:\n    ws.connect("wss://iat-api.xfyun.cn/v2/iat")\nexcept Exception as e:\n    logger.error("asr connect failed: %s", e)\n    raise\n',
    },
    {
      name: 'python: a parse error dropped is not a vendor call',
      file: 'a.py',
      code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\ntry:\n    data = json.loads(msg)\nexcept ValueError:\n    pass\n',
    },
    {
      name: 'ts: status reported',
      file: 'a.ts',
      code: "const url = 'wss://iat-api.xfyun.cn/v2/iat'\ntry {\n  await client.connect(url)\n} catch (err) {\n  this.status = 'unavailable'\n}\n",
    },
    {
      name: 'js: rejection returned to the caller',
      file: 'a.js',
      code: "asr.connect('wss://iat-api.xfyun.cn/v2/iat').catch((e) => reject(e))\n",
    },
  ],
  invalid: [
    {
      name: 'python: except pass around connect',
      file: 'a.py',
      code: 'try:\n    ws = websocket.create_connection("wss://iat-api.xfyun.cn/v2/iat")\nexcept:\n    pass\n',
      errors: [{ line: 3, messageId: 'catch' }],
    },
    {
      name: 'python: on_error that only prints',
      file: 'a.py',
      code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\ndef on_error(ws, error):\n    print("### error:", error)\n',
      errors: [{ line: 2, messageId: 'event' }],
    },
    {
      name: 'js: empty .catch on connect',
      file: 'a.js',
      code: "asrClient.connect('wss://iat-api.xfyun.cn/v2/iat').catch(() => {})\n",
      errors: [{ line: 1, messageId: 'promise' }],
    },
    {
      name: "ts: on('error') that only logs",
      file: 'a.ts',
      code: "const ws = new WebSocket('wss://tts-api.xfyun.cn/v2/tts')\nws.on('error', (e) => console.log(e))\n",
      errors: [{ line: 2, messageId: 'event' }],
    },
    {
      name: 'ts: catch that only prints',
      file: 'a.ts',
      code: "const u = 'wss://iat-api.xfyun.cn/v2/iat'\ntry {\n  await client.connect(u)\n} catch (e) {\n  console.log('failed', e)\n}\n",
      errors: [{ line: 4, messageId: 'catch' }],
    },
  ],
})

ruleTester('blocking-init', {
  valid: [
    {
      name: 'python: startup starts a background task',
      file: 'a.py',
      code: '@app.on_event("startup")\nasync def startup():\n    asyncio.create_task(asr_client.connect())\n',
    },
    {
      name: 'python: the database is awaited, rightly',
      file: 'a.py',
      code: '@app.on_event("startup")\nasync def startup():\n    await database.connect()\n',
    },
    {
      name: 'js: connect after listen',
      file: 'a.js',
      code: 'async function main() {\n  app.listen(3000)\n  await asrClient.connect()\n}\n',
    },
    {
      name: 'ts: connect without await before listen',
      file: 'a.ts',
      code: 'async function main() {\n  asrClient.connect().catch(report)\n  app.listen(3000)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'python: awaited in a FastAPI startup hook',
      file: 'a.py',
      code: '@app.on_event("startup")\nasync def startup():\n    await asr_client.connect()\n',
      errors: [{ line: 3, messageId: 'hook' }],
    },
    {
      name: 'python: lifespan awaits before yield',
      file: 'a.py',
      code: 'async def lifespan(app):\n    await tts_client.connect()\n    yield\n',
      errors: [{ line: 2, messageId: 'hook' }],
    },
    {
      name: 'js: awaited before listen',
      file: 'a.js',
      code: 'async function main() {\n  await asrClient.connect()\n  app.listen(3000)\n}\n',
      errors: [{ line: 2, messageId: 'beforeReady' }],
    },
    {
      name: 'ts: NestJS onModuleInit',
      file: 'a.ts',
      code: 'class Speech {\n  async onModuleInit() {\n    await this.asr.connect()\n  }\n}\n',
      errors: [{ line: 3, messageId: 'hook' }],
    },
  ],
})

ruleTester('stale-endpoint', {
  valid: [
    { name: 'python: the current iat URL', file: 'a.py', code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\n' },
    {
      name: 'python: a host only, joined later',
      file: 'a.py',
      code: 'HOST = "wss://iat-api.xfyun.cn"\nurl = HOST + "/v2/iat"\n',
    },
    {
      name: 'ts: another region of a documented host',
      file: 'a.ts',
      code: "const u = 'wss://transcribestreaming.eu-west-1.amazonaws.com:8443/stream-transcription-websocket'\n",
    },
    { name: 'js: a non-vendor URL', file: 'a.js', code: "fetch('https://example.com/v1/legacy')\n" },
  ],
  invalid: [
    {
      name: 'python: legacy rtasr',
      file: 'a.py',
      code: 'url = "wss://rtasr.xfyun.cn/v1/ws?appid=" + appid\n',
      errors: [{ line: 1, messageId: 'legacy' }],
    },
    {
      name: 'python: ws instead of wss',
      file: 'a.py',
      code: 'ws = create_connection("ws://tts-api.xfyun.cn/v2/tts")\n',
      errors: [{ line: 1, messageId: 'wrongScheme' }],
    },
    {
      name: 'js: missing path segment',
      file: 'a.js',
      code: "const url = 'wss://iat-api.xfyun.cn/v2'\n",
      errors: [{ line: 1, messageId: 'missingSegment' }],
    },
    {
      name: 'ts: stray whitespace',
      file: 'a.ts',
      code: "const url = ' wss://iat-api.xfyun.cn/v2/iat'\n",
      errors: [{ line: 1, messageId: 'whitespace' }],
    },
    {
      name: 'ts: legacy Spark v2.1',
      file: 'a.ts',
      code: "const url = 'wss://spark-api.xf-yun.com/v2.1/chat'\n",
      errors: [{ line: 1, messageId: 'legacy' }],
    },
    {
      name: 'js: undocumented vendor host',
      file: 'a.js',
      code: "const url = 'wss://iat.xfyun.cn/v2/iat'\n",
      errors: [{ line: 1, messageId: 'unknownHost' }],
    },
  ],
})
