// The text files `apidx packs new` writes beside pack.json: the npm manifest, the PackTester test
// file and the README with the checklist of sources to fill. Data in, text out.
import { displayName, envPrefix, SCAFFOLD_ERRORS } from './template.js'

/** package.json of a pack published as `apidx-provider-<id>`: data only, no scripts, pack.json only. */
export function scaffoldManifest(id: string): string {
  const manifest = {
    name: `apidx-provider-${id}`,
    version: '0.1.0',
    description: `apidx provider pack for ${displayName(id)}: endpoints, signing, error codes, response formats.`,
    license: 'MIT',
    keywords: ['apidx-provider', id],
    exports: { './pack.json': './pack.json', './package.json': './package.json' },
    files: ['pack.json'],
    apidx: { pack: 'pack.json' },
  }
  return JSON.stringify(manifest, null, 2) + '\n'
}

/**
 * The pack's PackTester cases (`test/cases.json`, ESLint's RuleTester is the model): the healthy
 * exchange passes, and each placeholder error code and the handshake rule, replayed through the
 * emulator, is diagnosed as listed. Data, not code: `apidx packs test` reads it and runs nothing.
 */
export function scaffoldCases(id: string, schemaRef: string): string {
  const cases = {
    $schema: schemaRef,
    valid: [{ name: 'a healthy example/v1 exchange passes', service: 'example', version: 'v1' }],
    invalid: [
      ...SCAFFOLD_ERRORS.map((e) => ({
        name: `${e.code} from example/v1 is diagnosed as ${e.diagnosis}`,
        service: 'example',
        version: 'v1',
        scenario: `vendor-error:${e.code}`,
        findings: [{ code: e.diagnosis, vendorCode: e.code }],
      })),
      {
        name: `a 401 from the ${id} gateway is diagnosed as auth/unauthorized`,
        service: 'example',
        version: 'v1',
        handshake: { status: 401, body: '{"error":{"code":"unauthorized","message":"missing credentials"}}' },
        findings: [{ code: 'auth/unauthorized' }],
      },
    ],
    vectors: [],
  }
  return JSON.stringify(cases, null, 2) + '\n'
}

/** README: what the pack is, and the checklist of facts to replace, each with where it comes from. */
export function scaffoldReadme(id: string, schemaNote: string): string {
  const name = displayName(id)
  return `# apidx-provider-${id}

An [apidx](https://github.com/apidx/apidx) provider pack for ${name}: the facts apidx needs to
diagnose a failing integration (hosts, credentials, signing, services and versions, response
formats, error codes). Data only: nothing in a pack is executed.

This folder was made by \`apidx packs new ${id}\`. Every fact in \`pack.json\` is a **placeholder**
on the reserved \`${id}.example\` domain, marked \`"confidence": "uncertain"\`. Replace each one
from the vendor's documentation before publishing. ${schemaNote}

## Checklist: sources to fill

Every fact carries a \`source\` (the doc page it comes from) and, where it is not copied from an
official doc, a \`confidence\` mark (\`sdk\`, \`community\`, \`uncertain\`). A fact you could not
source stays \`uncertain\` and says why in a \`note\`: write \`[UNCERTAIN]\` in the note.

- [ ] \`name\`, \`description\`, \`docs\`: the vendor's name and documentation home.
- [ ] \`hosts\`: every host the services live on (\`*.suffix\` for a family). Credentials go to these hosts only.
- [ ] \`credentials\`: each value the auth needs; \`env\` named after the vendor SDK's own variable
      (the placeholder is \`${envPrefix(id)}_API_KEY\`), \`secret: true\` for anything secret, \`length\` when documented.
- [ ] \`auth\`: the signing scheme as steps, with its \`source\`; add the vendor's worked example as a known-answer vector.
- [ ] \`services\`: one per API, by the vendor's own short name; replace \`example\`.
- [ ] each version: \`url\`, \`protocol\`, \`method\`, \`auth\`, \`status\` (\`current\`, \`legacy\`, \`deprecated\`, \`sunset\` + \`sunsetDate\`),
      \`successor\` for old versions, \`source\`, and a \`probe\` request that is minimal and harmless.
- [ ] \`response\`: format, schema of a successful answer, where the error code and message are, examples.
- [ ] \`errors\`: every code of the vendor's error table **per service**, each with meaning, cause, fix, \`diagnosis\` and \`source\`.
- [ ] \`handshakeErrors\`: the bodies the gateway answers before the service (401/403 texts), with an \`example\`.
- [ ] \`verified\`: the date you last checked the facts against the docs.
- [ ] \`test/cases.json\`: a case for every service, error code and handshake rule, with the finding the
      vendor's docs imply (not what apidx happens to print), and the vendor's worked signing example in \`vectors\`.

## Check it

\`\`\`sh
apidx packs validate .      # schema and meaning: every problem with its JSON pointer
apidx packs test .          # PackTester: test/cases.json against the emulator (nothing in the folder is run)
apidx packs install .       # use it locally (copies pack.json; nothing is executed)
\`\`\`

Publish with \`npm publish\`: the package holds \`pack.json\` only, and is found by its
\`apidx-provider\` keyword. See apidx's CONTRIBUTING.md to add it to apidx itself.
`
}
