// missing-doc-header: an integration file without the header `apidx scaffold --header-only` writes
// (format in ../../scaffold/header.ts), which names the endpoint, its docs and the check to run when it breaks.
import { findHeader } from '../header.js'
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
      missing: 'Put the header at the top of the file; print it with: {command}',
    },
  },
  create(context) {
    return {
      'program:exit'(n) {
        if (!context.file.integration || findHeader(context.comments)) return
        const e = context.file.endpoints.find((x) => x.status === 'current') ?? context.file.endpoints[0]
        const provider = e?.provider ?? context.file.schemes[0]?.provider ?? 'the vendor'
        const lang =
          context.language === 'python' ? 'python' : /\.[mc]?tsx?$/.test(context.path) ? 'ts' : 'js'
        const target = e ? ` --service ${e.service} --version ${e.version}` : ' --service <service>'
        const command = `npx apidx scaffold --provider ${e?.provider ?? provider}${target} --lang ${lang} --header-only`
        context.report({
          node: { ...n, line: 1, column: 1 },
          messageId: 'missing',
          data: { provider, command },
        })
      },
    }
  },
}
