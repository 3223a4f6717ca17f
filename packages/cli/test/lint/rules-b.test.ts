// Valid and invalid cases of timestamp-format, hardcoded-credential and missing-doc-header.
import { ruleTester } from './rule-tester.js'

ruleTester('timestamp-format', {
  valid: [
    {
      name: 'python: rtasr in seconds',
      file: 'a.py',
      code: 'URL = "wss://rtasr.xfyun.cn/v1/ws"\nts = str(int(time.time()))\nsigna = hmac.new(key, md5(appid + ts), hashlib.sha1)\n',
    },
    {
      name: 'python: milliseconds turned into seconds',
      file: 'a.py',
      code: 'URL = "http://api.xfyun.cn/v1/service/v1/iat"\nx_time = int(int(round(time.time() * 1000)) / 1000)\n',
    },
    {
      name: 'python: UTC RFC1123 date for hmac-url',
      file: 'a.py',
      code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\ndate = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())\n',
    },
    {
      name: 'js: Date.now() measuring elapsed time',
      file: 'a.js',
      code: "const u = 'wss://rtasr.xfyun.cn/v1/ws'\nconst ts = Math.floor(Date.now() / 1000)\nconst took = Date.now() - start\ncrypto.createHmac('sha1', key)\n",
    },
    {
      name: 'js: no unix-s scheme, so milliseconds are fine',
      file: 'a.js',
      code: "const u = 'wss://iat-api.xfyun.cn/v2/iat'\nconst ts = Date.now()\n",
    },
  ],
  invalid: [
    {
      name: 'python: milliseconds for X-CurTime',
      file: 'a.py',
      code: 'URL = "http://api.xfyun.cn/v1/service/v1/iat"\ncur_time = str(int(time.time() * 1000))\nx_checksum = hashlib.md5(api_key + cur_time + x_param).hexdigest()\n',
      errors: [{ line: 2, messageId: 'millis' }],
    },
    {
      name: 'python: local time labelled GMT',
      file: 'a.py',
      code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\ndate = datetime.now().strftime("%a, %d %b %Y %H:%M:%S GMT")\n',
      errors: [{ line: 2, messageId: 'localLabelled' }],
    },
    {
      name: 'python: local date in the TC3 scope',
      file: 'a.py',
      code: 'algorithm = "TC3-HMAC-SHA256"\ndate = datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d")\n',
      errors: [{ line: 2, messageId: 'localDate' }],
    },
    {
      name: 'js: Date.now() as the rtasr ts',
      file: 'a.js',
      code: "const u = 'wss://rtasr.xfyun.cn/v1/ws'\nconst ts = Date.now()\n",
      errors: [{ line: 2, messageId: 'millis' }],
    },
    {
      name: "ts: Date.now() in Tencent's X-TC-Timestamp",
      file: 'a.ts',
      code: "const scheme = 'TC3-HMAC-SHA256'\nconst headers = { 'X-TC-Timestamp': String(Date.now()) }\n",
      errors: [{ line: 2, messageId: 'millis' }],
    },
  ],
})

ruleTester('hardcoded-credential', {
  valid: [
    {
      name: 'python: read from the environment',
      file: 'a.py',
      code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\nAPISecret = os.environ["IFLYTEK_API_SECRET"]\n',
    },
    {
      name: 'python: a placeholder',
      file: 'a.py',
      code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\nAPIKey = "your_api_key_here_0000000000000"\n',
    },
    {
      name: 'python: a Django SECRET_KEY is not a vendor key',
      file: 'settings.py',
      code: 'SECRET_KEY = "k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8"\n',
    },
    {
      name: 'ts: wrong length for the declared iFlytek key',
      file: 'a.ts',
      code: "const url = 'wss://iat-api.xfyun.cn/v2/iat'\nconst apiKey = 'abc123def456abc123'\n",
    },
  ],
  invalid: [
    {
      name: 'python: 32-character APISecret',
      file: 'a.py',
      code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\nAPISecret = "ZWE1ZTdiNTliZWQzN2Q0NDAyM2QxOTk3"\n',
      errors: [{ line: 2, messageId: 'literal' }],
    },
    {
      name: 'python: keyword argument to a client',
      file: 'a.py',
      code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\np = Ws_Param(APPID="5f0e1d2c", APIKey="c955f9684aa57d5883b70eb978b0a906")\n',
      errors: [{ line: 2, messageId: 'literal' }],
    },
    {
      name: 'ts: property of an options object',
      file: 'a.ts',
      code: "const url = 'wss://iat-api.xfyun.cn/v2/iat'\nconst cfg = { apiSecret: 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi' }\n",
      errors: [{ line: 2, messageId: 'literal' }],
    },
    {
      name: 'js: Tencent SecretKey in a TC3 signer',
      file: 'a.js',
      code: "const algorithm = 'TC3-HMAC-SHA256'\nconst SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3abcdefg'\n",
      errors: [{ line: 2, messageId: 'literal' }],
    },
  ],
})

ruleTester('missing-doc-header', {
  valid: [
    {
      name: 'python: with the header',
      file: 'a.py',
      code: '# apidx: iflytek iat v2 — Streaming dictation\nURL = "wss://iat-api.xfyun.cn/v2/iat"\n',
    },
    { name: 'python: not an integration file', file: 'a.py', code: 'print("hello")\n' },
    {
      name: 'ts: with the header',
      file: 'a.ts',
      code: "// apidx: iflytek tts v2 — Streaming TTS\nconst u = 'wss://tts-api.xfyun.cn/v2/tts'\n",
    },
  ],
  invalid: [
    {
      name: 'python: integration without header',
      file: 'a.py',
      code: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\n',
      errors: [{ line: 1, messageId: 'missing' }],
    },
    {
      name: 'js: integration without header',
      file: 'a.js',
      code: "\nconst u = 'https://api.openai.com/v1/models'\n",
      errors: [{ line: 1, messageId: 'missing' }],
    },
  ],
})
