// The forms users paste, one data entry each: an id, what it is, and its recogniser. Fixed SDK forms
// are templates; field lists, exception names and bare code-shaped words have their own scanners.
// Adding a form is adding an entry here, not a branch in the explain logic.
import { fieldsOfText } from './fields.js'
import { template } from './template.js'
import { asStatus, isCodeChar, isDigit, isUpper, isWordChar, lineEnd, readCode } from './text.js'
import type { Found } from './types.js'

/** One form of pasted error text. */
export interface Form {
  id: string
  /** Where users meet it. */
  description: string
  recognise: (text: string) => Found[]
}

/** Words that look like codes before a colon but name no error (`Error: …`, `WARNING: …`). */
const NOT_CODES = new Set([
  'Error',
  'ERROR',
  'Exception',
  'Warning',
  'WARNING',
  'WARN',
  'INFO',
  'DEBUG',
  'Fatal',
  'FATAL',
  'Traceback',
  'Caused',
  'Message',
  'Code',
  'Data',
  'Status',
  'RuntimeError',
  'TypeError',
  'ValueError',
  'KeyError',
  'RequestId',
  'Recommend',
  'HostId',
])

/** `Name: message` or `Name (client): message` where Name looks like a code or an exception name. */
function exceptionNames(text: string): Found[] {
  const out: Found[] = []
  for (let i = 0; i < text.length; i++) {
    if (!isUpper(text[i]) && !isDigit(text[i])) continue
    if (isCodeChar(text[i - 1])) continue
    const code = readCode(text, i)
    const after = i + code.length
    i = Math.max(i, after - 1)
    if (code.length < 3 || NOT_CODES.has(code)) continue
    const digits = [...code].every(isDigit)
    // A numeric code counts only at the start of a line (`11200: licc failed.`), not inside a date or time.
    if (digits && !atLineStart(text, after - code.length)) continue
    let j = after
    if (text.startsWith(' (client)', j) || text.startsWith(' (server)', j)) j += 9
    if (text[j] === ' ' && text[j + 1] === ':') j++
    if (text[j] !== ':') continue
    const next = text[j + 1]
    if (next !== undefined && next !== ' ' && next !== '\n' && next.charCodeAt(0) < 0x80 && !digits) continue
    out.push({ kind: 'code', value: code, weight: 2, form: 'exception-name' })
    const message = text.slice(j + 1, lineEnd(text, j + 1)).trim()
    if (message) out.push({ kind: 'message', value: message.slice(0, 500), form: 'exception-name' })
  }
  return out
}

function atLineStart(text: string, at: number): boolean {
  let j = at - 1
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--
  return j < 0 || text[j] === '\n'
}

/** Words shaped like vendor codes anywhere: `RequestLimitExceeded`, `AuthFailure.SignatureFailure`, `AppIdNoAuthError`. */
function codeShapedWords(text: string): Found[] {
  const out: Found[] = []
  for (let i = 0; i < text.length; i++) {
    if (!isUpper(text[i]) || isWordChar(text[i - 1]) || text[i - 1] === '.') continue
    const code = readCode(text, i)
    i += Math.max(0, code.length - 1)
    if (humps(code) >= 2 && !NOT_CODES.has(code))
      out.push({ kind: 'code', value: code, weight: 1, form: 'code-word' })
  }
  return out
}

/** Lower-to-upper transitions and dots between capitalised parts: `AuthFailure.SignatureFailure` has 3. */
function humps(code: string): number {
  let n = 0
  for (let i = 1; i < code.length; i++) {
    const prev = code[i - 1]!
    if (isUpper(code[i]) && ((prev >= 'a' && prev <= 'z') || prev === '.')) n++
  }
  return n
}

/** `429 Rate limit reached…`: a status at the very start of the text. */
function leadingStatus(text: string): Found[] {
  const t = text.trimStart()
  const status = asStatus(t.slice(0, 3))
  return status !== undefined && !isDigit(t[3]) && (t[3] === ' ' || t[3] === ':')
    ? [{ kind: 'status', value: String(status), form: 'leading-status' }]
    : []
}

const REASONS = [
  'Too Many Requests',
  'Unauthorized',
  'Forbidden',
  'Bad Request',
  'Not Found',
  'Internal Server Error',
  'Service Unavailable',
  'Bad Gateway',
  'Gateway Timeout',
]

/** The forms, most specific first. */
export const FORMS: readonly Form[] = [
  {
    id: 'botocore',
    description:
      'Python boto3/botocore ClientError: `An error occurred (Code) when calling the Op operation: msg`',
    recognise: template('An error occurred ({code}) when calling the {op} operation: {message}', 'botocore'),
  },
  {
    id: 'aws-cli-v1',
    description: 'AWS CLI v1: `A client error (Code) occurred when calling the Op operation: msg`',
    recognise: template(
      'A client error ({code}) occurred when calling the {op} operation: {message}',
      'aws-cli-v1',
    ),
  },
  {
    id: 'aws-go-v1',
    description: 'AWS SDK for Go v1: `Code: msg\\n\\tstatus code: 403, request id: …`',
    recognise: template('status code: {status}, request id: {requestId}', 'aws-go-v1'),
  },
  {
    id: 'tencent-sdk-exception',
    description: 'Tencent Cloud Python/Node SDK: `[TencentCloudSDKException] code:X message:Y requestId:Z`',
    recognise: template(
      '[TencentCloudSDKException] code:{code} message:{message} requestId:{requestId}',
      'tencent-sdk-exception',
    ),
  },
  {
    id: 'tencent-sdk-error',
    description: 'Tencent Cloud Go/Ruby SDK: `[TencentCloudSDKError] Code=X, Message=Y, RequestId=Z`',
    recognise: template(
      '[TencentCloudSDKError] Code={code}, Message={message}, RequestId={requestId}',
      'tencent-sdk-error',
    ),
  },
  {
    id: 'tencent-java-legacy',
    description: 'Tencent Cloud Java SDK 3.0: `[TencentCloudSDKException]message:Code-msg`',
    recognise: template('[TencentCloudSDKException]message:{code}-{message}', 'tencent-java-legacy'),
  },
  {
    id: 'aliyun-python-core',
    description: 'aliyunsdkcore ServerException: `HTTP Status: 404 Error:Code msg RequestID: …`',
    recognise: template('Error:{code} {message} RequestID: {requestId}', 'aliyun-python-core'),
  },
  {
    id: 'aliyun-dotnet',
    description: 'Aliyun .NET SDK ClientException: `Code : msg + [ RequestId : … ]`',
    recognise: template('ClientException: {code} : {message} + [ RequestId : {requestId} ]', 'aliyun-dotnet'),
  },
  {
    id: 'baidu-bracket',
    description: 'Baidu BCE Go SDK: `[Code: X; Message: Y; RequestId: Z]`',
    recognise: template('[Code: {code}; Message: {message}; RequestId: {requestId}]', 'baidu-bracket'),
  },
  {
    id: 'node-error-bracket',
    description: 'Node.js util.inspect of an Error: `{ [Code: msg]` or `[Code: msg]`',
    recognise: template('[{code}: {message}]', 'node-error-bracket'),
  },
  {
    id: 'parenthesised-code',
    description: 'A code in parentheses before the message: `S3 error: 403 (Code): msg`',
    recognise: template('({code}): {message}', 'parenthesised-code'),
  },
  {
    id: 'php-exception',
    description: 'AWS SDK for PHP: `Code (client): msg`',
    recognise: template('{code} (client): {message}', 'php-exception'),
  },
  {
    id: 'status-dash',
    description: 'HTTP client wrappers: `401 - {…}`, `StatusCodeError: 403 - "…"`',
    recognise: template('{status} - ', 'status-dash'),
  },
  {
    id: 'http-status-word',
    description: 'CLI wrappers: `http status 403: msg`',
    recognise: template('http status {status}', 'http-status-word'),
  },
  ...REASONS.map((reason) => ({
    id: `status-reason`,
    description: `A status line: \`NNN ${reason}\``,
    recognise: template(`{status} ${reason}`, 'status-reason'),
  })),
  {
    id: 'leading-status',
    description: 'A status first: `429 Rate limit reached…`',
    recognise: leadingStatus,
  },
  {
    id: 'fields',
    description:
      'Named fields anywhere: `code:X`, `Code=X`, `"Code":"X"`, `ErrorCode: X`, `<Code>X</Code>`, `err_no: 3302`',
    recognise: (text) => fieldsOfText(text, 'fields'),
  },
  {
    id: 'exception-name',
    description:
      'An exception or code name before a colon: `InvalidClientTokenId: msg`, `11200: licc failed.`',
    recognise: exceptionNames,
  },
  {
    id: 'code-word',
    description:
      'A word shaped like a vendor code anywhere: `RequestLimitExceeded`, `AuthFailure.SignatureFailure`',
    recognise: codeShapedWords,
  },
]
