// Data for credential hygiene: the characters each declared charset allows, and the key shapes of other
// vendors that users paste into the wrong variable (an OpenRouter key in OPENAI_API_KEY). Every shape
// carries the page that shows it.
import type { Credential } from '../generated/index.js'

/** The characters each `charset` of a pack's credential declaration allows. */
export const CHARSETS: Readonly<Record<NonNullable<Credential['charset']>, string>> = {
  hex: '0123456789abcdefABCDEF',
  'hex-lower': '0123456789abcdef',
  digits: '0123456789',
  alphanumeric: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  'upper-alphanumeric': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
}

/** A key shape that belongs to someone else: a value starting with `prefix` is `looksLike`'s. */
export interface ForeignShape {
  prefix: string
  looksLike: string
  source: string
}

/**
 * Well-known prefixes of other vendors' keys. Checked against every credential whose own `prefix`
 * list does not claim the shape (a longer, more specific prefix wins: `sk-or-v1-` is OpenRouter's even
 * though OpenAI keys start with `sk-`).
 */
export const FOREIGN_SHAPES: readonly ForeignShape[] = [
  {
    prefix: 'sk-or-v1-',
    looksLike: 'an OpenRouter API key',
    source: 'https://openrouter.ai/docs/guides/overview/auth/api-keys',
  },
  {
    prefix: 'sk-ant-',
    looksLike: 'an Anthropic API key',
    source: 'https://apidog.com/de/blog/anthropic-api-key/',
  },
  {
    prefix: 'AKIA',
    looksLike: 'an AWS access key ID',
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html',
  },
  {
    prefix: 'ASIA',
    looksLike: 'an AWS temporary access key ID',
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html',
  },
  {
    prefix: 'AKID',
    looksLike: 'a Tencent Cloud SecretId',
    source: 'https://cloud.tencent.com/document/api/213/30654',
  },
  {
    prefix: 'LTAI',
    looksLike: 'an Alibaba Cloud AccessKey ID',
    source: 'https://github.com/thekingofduck/apkanalyser/issues/6',
  },
  {
    prefix: 'ghp_',
    looksLike: 'a GitHub personal access token',
    source:
      'https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/',
  },
]
