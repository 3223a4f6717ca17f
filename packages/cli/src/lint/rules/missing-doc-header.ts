// missing-doc-header: an integration file without the header `apidx scaffold --header-only` writes
// (format in ../header.ts), which names the endpoint, its docs and the check to run when it breaks.
import { findHeader, renderHeader } from '../header.js'
import type { Rule } from '../rule.js'

export const missingDocHeader: Rule = {
  meta: {
    docs: {
      description:
        'An integration file without the apidx doc header naming its endpoint, docs and check command.',
      url: 'https://github.com/apidx/apidx/blob/main/docs/lint.md#missing-doc-header',
    },
    severity: 'info',
    messages: {
      missing: 'This file talks to {provider} but has no apidx doc header naming its endpoint and docs.',
    },
    fixes: {
      missing: 'Add at the top: {header}',
    },
  },
  create(context) {
    return {
      'program:exit'(n) {
        if (!context.file.integration || findHeader(context.comments)) return
        const e = context.file.endpoints.find((x) => x.status === 'current') ?? context.file.endpoints[0]
        const provider = e?.provider ?? context.file.schemes[0]?.provider ?? 'the vendor'
        const scheme = e && context.facts.schemes.find((s) => s.provider === e.provider && s.id === e.auth)
        const header = e
          ? renderHeader(
              {
                provider: e.provider,
                service: e.service,
                version: e.version,
                url: e.url,
                auth: e.auth,
                ...(scheme?.timestampFormats[0] ? { timestamp: scheme.timestampFormats[0] } : {}),
                ...(e.docs ? { docs: e.docs } : {}),
              },
              context.language,
            )
              .trimEnd()
              .replace(/\n/g, ' | ')
          : `the output of apidx scaffold --header-only --provider ${provider}`
        context.report({
          node: { ...n, line: 1, column: 1 },
          messageId: 'missing',
          data: { provider, header },
        })
      },
    }
  },
}
