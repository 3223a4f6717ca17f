// The extraction step, form by form: each case is a specification — a pasted text and exactly the
// codes, statuses, request ids and messages it must yield. Every form in FORMS has a case.
import { describe, expect, it } from 'vitest'
import { extract, FORMS } from './index.js'
import { parseLoose } from './objects.js'

interface Case {
  form: string
  name: string
  text: string
  codes?: string[]
  statuses?: number[]
  requestIds?: string[]
  message?: string
}

const CASES: Case[] = [
  {
    form: 'botocore',
    name: 'botocore ClientError: the code in parentheses, the message after the operation',
    text: 'botocore.exceptions.ClientError: An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid',
    codes: ['InvalidClientTokenId'],
    message: 'The security token included in the request is invalid',
  },
  {
    form: 'aws-cli-v1',
    name: 'AWS CLI v1 client error',
    text: 'A client error (SignatureDoesNotMatch) occurred when calling the AssumeRole operation: Signature expired: 20160609T184512Z',
    codes: ['SignatureDoesNotMatch'],
  },
  {
    form: 'aws-go-v1',
    name: 'AWS SDK for Go: code before the colon, status and request id on the next line',
    text: 'Error: InvalidClientTokenId: The security token included in the request is invalid.\n\tstatus code: 403, request id: 86d1302f-64cb-427a-8824-296ab645b63c',
    codes: ['InvalidClientTokenId'],
    statuses: [403],
    requestIds: ['86d1302f-64cb-427a-8824-296ab645b63c'],
  },
  {
    form: 'tencent-sdk-exception',
    name: 'Tencent Python SDK exception',
    text: '[TencentCloudSDKException] code:AuthFailure.SecretIdNotFound message:SecretId不存在，请输入正确的密钥。 requestId:31b8f548-d924-4e13-bbcc-2222238a9f23',
    codes: ['AuthFailure.SecretIdNotFound'],
    requestIds: ['31b8f548-d924-4e13-bbcc-2222238a9f23'],
    message: 'SecretId不存在，请输入正确的密钥。',
  },
  {
    form: 'tencent-sdk-error',
    name: 'Tencent Go SDK error inside a gRPC error whose own code is a decoy',
    text: 'rpc error: code = InvalidArgument desc = [TencentCloudSDKError] Code=AuthFailure.SignatureFailure, Message=请求签名验证失败，请检查您的签名计算是否正确。, RequestId=fe2bb395-4aab-401c-b53c-77475d9a0547',
    codes: ['AuthFailure.SignatureFailure', 'InvalidArgument'],
    requestIds: ['fe2bb395-4aab-401c-b53c-77475d9a0547'],
  },
  {
    form: 'tencent-java-legacy',
    name: 'Tencent Java SDK 3.0: the code and the message joined by a dash',
    text: '[TencentCloudSDKException]message:AuthFailure.UnauthorizedOperation-You are not authorized to perform this operation.',
    codes: ['AuthFailure.UnauthorizedOperation'],
  },
  {
    form: 'aliyun-python-core',
    name: 'aliyunsdkcore ServerException',
    text: 'aliyunsdkcore.acs_exception.exceptions.ServerException: HTTP Status: 404 Error:InvalidAccessKeyId.NotFound Specified access key is not found. RequestID: B395284E-9787-4083-9BCF-762FCD230402',
    codes: ['InvalidAccessKeyId.NotFound'],
    statuses: [404],
    requestIds: ['B395284E-9787-4083-9BCF-762FCD230402'],
  },
  {
    form: 'aliyun-dotnet',
    name: 'Aliyun .NET ClientException',
    text: 'Aliyun.Acs.Core.Exceptions.ClientException: Forbidden.RAM : User not authorized to operate on the specified resource. + [ RequestId : 0DCC6ABD-2296-503E-A5FF-89D50809DCA0 ]',
    codes: ['Forbidden.RAM'],
    requestIds: ['0DCC6ABD-2296-503E-A5FF-89D50809DCA0'],
  },
  {
    form: 'baidu-bracket',
    name: 'Baidu BCE Go SDK bracket form',
    text: "failed to execute sdk request 'cdn.PutCert': [Code: IamSignatureInvalid; Message: IamSignatureInvalid, cause: Fail to authn user; RequestId: c60309fa-2884-4497-80a7-f8f83f709cfe]",
    codes: ['IamSignatureInvalid'],
    requestIds: ['c60309fa-2884-4497-80a7-f8f83f709cfe'],
  },
  {
    form: 'node-error-bracket',
    name: 'Node util.inspect of an AWS SDK v2 error',
    text: "{ [SignatureDoesNotMatch: The request signature we calculated does not match.]\n  message: 'The request signature we calculated does not match.',\n  code: 'SignatureDoesNotMatch',\n  statusCode: 403 }",
    codes: ['SignatureDoesNotMatch'],
    statuses: [403],
  },
  {
    form: 'parenthesised-code',
    name: 's3cmd: a code in parentheses before the message',
    text: 'ERROR: S3 error: 403 (SignatureDoesNotMatch): The request signature we calculated does not match',
    codes: ['SignatureDoesNotMatch'],
  },
  {
    form: 'php-exception',
    name: 'AWS SDK for PHP: `Code (client): msg` with HTML entities from a web page',
    text: 'InvalidSignatureException (client): Signature expired - {&quot;__type&quot;:&quot;InvalidSignatureException&quot;}',
    codes: ['InvalidSignatureException'],
  },
  {
    form: 'status-dash',
    name: 'request-promise StatusCodeError with escaped XML',
    text: 'StatusCodeError: 403 - "<?xml version=\\"1.0\\"?>\\n<Error>\\n  <Code>InvalidAccessKeyId</Code>\\n</Error>"',
    codes: ['InvalidAccessKeyId'],
    statuses: [403],
  },
  {
    form: 'http-status-word',
    name: 'a CLI that prints `http status NNN:`',
    text: 'http status 403: Country, region, or territory not supported',
    statuses: [403],
  },
  {
    form: 'status-reason',
    name: 'a status line with its reason phrase',
    text: 'Error: 429 Too Many Requests {"error":{"code":"rate_limit_exceeded"}}',
    codes: ['rate_limit_exceeded'],
    statuses: [429],
  },
  {
    form: 'leading-status',
    name: 'a status first',
    text: '429 Rate limit reached for gpt-4.1 in organization org-x on tokens per min (TPM)',
    statuses: [429],
  },
  {
    form: 'fields',
    name: 'PHP var_dump of a parsed body',
    text: 'array(5) {\n  ["Message"] => string(46) "Specified time stamp or date value is expired."\n  ["Code"] => string(24) "InvalidTimeStamp.Expired"\n}',
    codes: ['InvalidTimeStamp.Expired'],
    message: 'Specified time stamp or date value is expired.',
  },
  {
    form: 'exception-name',
    name: 'a numeric code at the start of a line, not a time',
    text: '[17:29:09.722] start\n11200: licc failed.',
    codes: ['11200'],
    message: 'licc failed.',
  },
  {
    form: 'code-word',
    name: 'a code-shaped word with no field around it',
    text: 'Tencent translate fail: RequestLimitExceeded, Your current request times equals to `7` in a second',
    codes: ['RequestLimitExceeded'],
  },
]

/** More dialects, each read through the generic readers rather than a fixed form. */
const DIALECTS: Omit<Case, 'form'>[] = [
  {
    name: 'a Python dict repr with single quotes, None and a nested error',
    text: "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}",
    codes: ['invalid_api_key', 'invalid_request_error'],
    statuses: [401],
  },
  {
    name: 'a Ruby hash',
    text: '{"Error"=>{"Message"=>"Rate exceeded", "Code"=>"Throttling", "Type"=>"Sender"}}',
    codes: ['Throttling', 'Sender'],
  },
  {
    name: 'JSON nested in a JSON string',
    text: '{"content":"{\\"header\\":{\\"code\\":11200,\\"message\\":\\"AppIdNoAuthError\\"}}"}',
    codes: ['11200'],
  },
  {
    name: 'an XML error document',
    text: '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid</Message></Error><RequestId>16fc956c-311e-4199-bee1-1680236e9698</RequestId></ErrorResponse>',
    codes: ['InvalidClientTokenId'],
    requestIds: ['16fc956c-311e-4199-bee1-1680236e9698'],
  },
  {
    name: 'a fragment without braces',
    text: '"err_msg":"authentication failed.","err_no":3302,"sn":"****"',
    codes: ['3302'],
    message: 'authentication failed.',
  },
  {
    name: 'YAML-ish lines with a full-width colon',
    text: 'Error Code：InvalidTimeStamp.Expired\nError Message：Specified time stamp or date value is expired.',
    codes: ['InvalidTimeStamp.Expired'],
  },
  {
    name: 'a log line with a timestamp and a logfmt pair',
    text: "openai 2023-10-03 20:09:00,995 - INFO - error_code=insufficient_quota error_message='You exceeded your current quota' error_param=None",
    codes: ['insufficient_quota'],
    message: 'You exceeded your current quota',
  },
  {
    name: 'a JavaScript object literal with bare keys',
    text: "{\n  header: {\n    code: 11200,\n    message: 'AppIdNoAuthError:(16:26:07.442) tokens.total',\n    status: 2\n  }\n}",
    codes: ['11200'],
  },
]

function check(c: Omit<Case, 'form'>) {
  const x = extract(c.text)
  const codes = x.codes.map((k) => k.value)
  for (const code of c.codes ?? []) expect(codes, `${c.name}: codes`).toContain(code)
  if (c.statuses) expect(x.statuses, `${c.name}: statuses`).toEqual(c.statuses)
  for (const id of c.requestIds ?? []) expect(x.requestIds, `${c.name}: request ids`).toContain(id)
  if (c.message) expect(x.messages, `${c.name}: messages`).toContain(c.message)
}

describe('extract: every SDK and wrapper form', () => {
  for (const c of CASES)
    it(`${c.form}: ${c.name}`, () => {
      check(c)
      expect(extract(c.text).forms).toContain(c.form)
    })

  it('has a case for every form in the table', () => {
    expect(new Set(FORMS.map((f) => f.id))).toEqual(new Set(CASES.map((c) => c.form)))
  })
})

describe('extract: dialects of objects and fields', () => {
  for (const c of DIALECTS) it(c.name, () => check(c))

  it('reads the code as it is, not a date or a time, and no code from "Error:" alone', () => {
    const x = extract('2018-12-14T02:00:17.989Z\tError: something went wrong')
    expect(x.codes.map((c) => c.value)).toEqual([])
  })

  it('prefers the vendor code field to an exception-shaped word', () => {
    const x = extract(
      "encentCloudSDKHttpException [Error]: failed {\n  code: 'AuthFailure.SignatureFailure'\n}",
    )
    expect(x.codes[0]).toMatchObject({ value: 'AuthFailure.SignatureFailure', weight: 3 })
  })
})

describe('extract: hostile input stays linear', () => {
  const hostile = [
    '{'.repeat(60_000),
    '{"a":'.repeat(12_000),
    '"'.repeat(60_000),
    "'".repeat(60_000),
    'An error occurred ('.repeat(3_000),
    '[Code: '.repeat(8_000),
    'code:'.repeat(12_000),
    '\\n\\"'.repeat(15_000),
    'AbCd'.repeat(15_000),
    ',;'.repeat(30_000) + 'code: x',
    '<Code>'.repeat(10_000),
  ]
  it('reads 64 KiB of each hostile pattern quickly (no backtracking, bounded parse attempts)', () => {
    const started = performance.now()
    for (const h of hostile) extract(h)
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('never follows nesting deeper than its cap', () => {
    expect(parseLoose('['.repeat(100) + ']'.repeat(100))).toBeUndefined()
    expect(parseLoose('[[[1]]]')).toEqual([[[1]]])
  })
})
