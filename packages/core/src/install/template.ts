// The pack `apidx packs new <id>` writes, as data. Every fact is a placeholder on a reserved
// `.example` domain, marked `uncertain`, so the scaffold validates at once and nobody mistakes it
// for a vendor's real behaviour. The test cases are derived from the same data, so they agree.

/** The placeholder pack for `id`, dated `today` (YYYY-MM-DD), pointing its `$schema` at `schemaRef`. */
export function scaffoldPack(id: string, today: string, schemaRef: string): Record<string, unknown> {
  const docs = `https://${id}.example/docs`
  const host = `api.${id}.example`
  const source = `${docs}/errors`
  return {
    $schema: schemaRef,
    id,
    name: displayName(id),
    description: `Scaffolded by apidx packs new: every fact is a placeholder on ${id}.example, marked uncertain, until replaced from the vendor's documentation (see README.md).`,
    packVersion: '0.1.0',
    verified: today,
    docs,
    hosts: [host],
    credentials: {
      apiKey: {
        env: `${envPrefix(id)}_API_KEY`,
        secret: true,
        description: `The API key from the ${displayName(id)} console (replace with where the vendor's console shows it).`,
      },
    },
    auth: {
      bearer: {
        description:
          "The API key as a bearer token in the Authorization header (replace with the vendor's documented scheme).",
        source: `${docs}/authentication`,
        steps: [{ id: 'authorization', op: 'template', text: 'Bearer {cred.apiKey}' }],
        place: { header: { authorization: '{authorization}' } },
      },
    },
    services: {
      example: {
        title: "Example service (replace with the vendor's service name)",
        docs: `${docs}/example`,
        defaultVersion: 'v1',
        confidence: 'uncertain',
        versions: {
          v1: {
            url: `https://${host}/v1/status`,
            protocol: 'http',
            method: 'GET',
            auth: 'bearer',
            status: 'current',
            source: `${docs}/example`,
            confidence: 'uncertain',
            response: {
              format: 'json',
              schema: { type: 'object', required: ['status'], properties: { status: { type: 'string' } } },
              errorCode: '/error/code',
              errorMessage: '/error/message',
              codeType: 'string',
              examples: {
                frames: [{ status: 'ok' }],
                errorFrame: { error: { code: '{code}', message: '{message}' } },
              },
            },
          },
        },
        errors: Object.fromEntries(
          SCAFFOLD_ERRORS.map((e) => [
            e.code,
            {
              meaning: e.meaning,
              cause: e.cause,
              fix: e.fix,
              diagnosis: e.diagnosis,
              ...(e.retryable ? { retryable: true } : {}),
              source,
              confidence: 'uncertain',
            },
          ]),
        ),
      },
    },
    handshakeErrors: [
      {
        status: 401,
        diagnosis: 'auth/unauthorized',
        meaning:
          'The gateway rejected the request before it reached the service: no or malformed credentials.',
        cause: 'The Authorization header is missing or not in the documented form.',
        fix: `Send the API key from ${envPrefix(id)}_API_KEY in the documented header.`,
        example: '{"error":{"code":"unauthorized","message":"missing credentials"}}',
        source,
        confidence: 'uncertain',
      },
    ],
  }
}

/** The placeholder error table; the scaffold's test cases are generated from it. */
export const SCAFFOLD_ERRORS = [
  {
    code: 'invalid_api_key',
    diagnosis: 'auth/unknown-key',
    meaning: 'The API key is not known to the vendor.',
    cause: 'A key from another account or environment, or one that was revoked.',
    fix: 'Copy the key again from the console into the environment variable.',
    retryable: false,
  },
  {
    code: 'rate_limited',
    diagnosis: 'http/rate-limited',
    meaning: 'Too many requests in the current window.',
    cause: "Requests beyond the plan's documented rate.",
    fix: "Wait for the window to reset, or raise the plan's limit.",
    retryable: true,
  },
] as const

/** `acme-cloud` → `Acme Cloud`: a display name to replace, good enough to read. */
export function displayName(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

/** `acme-cloud` → `ACME_CLOUD`: the environment variable prefix the placeholder credential uses. */
export function envPrefix(id: string): string {
  return id.toUpperCase().replace(/-/g, '_')
}
