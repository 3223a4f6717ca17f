// `apidx explain`: what a vendor code, HTTP status, WebSocket close code, error body or symptom means,
// offline, from the packs (the named one, or every pack when the input itself names the vendor) and
// apidx's generic tables. The lookup is core's `explain`; rendering is render/explain.ts.
import { Args, Flags } from '@oclif/core'
import type { BrokenPack, Explanation, ProviderPack } from '@apidx/core'
import { ApidxCommand, EXIT } from '../base.js'
import { printError } from '../output.js'
import { packOptions } from '../packs.js'
import { loadSettings } from '../settings.js'
import { colorEnabled } from '../style.js'
import { renderExplain } from '../render/explain.js'

export default class Explain extends ApidxCommand {
  static override description =
    'Explain a vendor error code, HTTP status, WebSocket close code, error body or symptom, offline: meaning, ranked likely causes, the fix and the doc link.'
  static override examples = [
    '<%= config.bin %> explain 10165 --provider iflytek --service iat',
    '<%= config.bin %> explain 403 --provider iflytek',
    `<%= config.bin %> explain '{"message":"HMAC signature does not match"}'`,
    `<%= config.bin %> explain '{"action":"error","code":"10105","desc":"illegal access|illegal client_ip: 1.2.3.4"}'`,
    '<%= config.bin %> explain timeout',
    '<%= config.bin %> explain - --json < error-body.json',
  ]
  static override args = {
    input: Args.string({
      description:
        'a vendor code, an HTTP status, a WebSocket close code, an error body, a symptom (timeout, "parse error"…), or - to read it from stdin',
      required: true,
    }),
  }
  static override flags = {
    provider: Flags.string({
      char: 'p',
      description: 'provider pack id or path; every pack is searched when absent',
    }),
    service: Flags.string({
      char: 's',
      description: "the pack's service id (e.g. iat): its meaning comes first",
    }),
    all: Flags.boolean({
      description:
        'show every matching pack entry in full (many matches are otherwise grouped by vendor, one line each)',
      default: false,
    }),
  }

  async run(): Promise<Explanation> {
    const { args, flags } = await this.parse(Explain)
    const core = await import('@apidx/core')
    const input = args.input === '-' ? await readStdin(core.MAX_INPUT_BYTES, core.checkInputSize) : args.input
    const settings = await loadSettings()
    const options = packOptions(settings.packPaths)
    const broken: BrokenPack[] = []
    const packs: ProviderPack[] = flags.provider
      ? [(await core.loadPack(flags.provider, options)).pack]
      : (await core.listPacks(options, broken)).map((p) => p.pack)
    // On stderr, so --json stays one document: a pack that does not validate was not searched.
    for (const b of broken)
      printError(
        `Skipped ${b.file} (${b.source.kind}): it does not validate; see apidx packs validate ${b.file}`,
      )
    const result = core.explain(input, packs, flags.service !== undefined ? { service: flags.service } : {})
    this.show(renderExplain(result, colorEnabled(), { all: flags.all }))
    if (!result.found) this.setExit(EXIT.fault)
    return result
  }
}

/** How far stdin is counted before an oversized input is reported as "over" this many bytes. */
const STDIN_COUNT_LIMIT = 64 * 1024 * 1024

/**
 * Reads stdin, keeping at most `limit` bytes but counting every byte, so an oversized input is rejected
 * with its real size (a 1 MB paste is 1 MB, not the 128 KiB read before stopping).
 */
async function readStdin(
  limit: number,
  checkSize: (bytes: number, stoppedAt?: number) => void,
): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    if (size <= limit) chunks.push(b)
    size += b.length
    // An endless stream (`yes | apidx explain -`) is not read to its end.
    if (size > STDIN_COUNT_LIMIT) {
      checkSize(size, STDIN_COUNT_LIMIT)
      break
    }
  }
  checkSize(size)
  return Buffer.concat(chunks).toString('utf8')
}
