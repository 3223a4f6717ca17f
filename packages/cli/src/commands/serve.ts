// `apidx serve`: a Prometheus exporter in blackbox_exporter's shape (serve/). Runs until SIGINT or
// SIGTERM; Prometheus owns the targets, the schedule and the storage.
import { Flags } from '@oclif/core'
import { ApidxCommand } from '../base.js'
import { check } from '../api/check.js'
import { printError } from '../output.js'
import { loadServeConfig } from '../serve/config.js'
import { startExporter } from '../serve/server.js'
import { loadSettings } from '../settings.js'

export default class Serve extends ApidxCommand {
  static override description =
    "Run a Prometheus exporter: /probe?module=<name> checks the module's endpoint and answers probe_success, phase timings and the root cause as metrics."
  static override examples = [
    '<%= config.bin %> serve --config apidx-exporter.yaml',
    '<%= config.bin %> serve --config apidx-exporter.yaml --host 0.0.0.0 --port 9115',
  ]
  static override enableJsonFlag = false
  static override flags = {
    config: Flags.string({
      char: 'c',
      description: 'the modules to serve (serve-config.schema.json)',
      required: true,
    }),
    port: Flags.integer({
      description: 'port to listen on (0: a free one)',
      default: 9115,
      min: 0,
      max: 65535,
    }),
    host: Flags.string({
      description: 'address to listen on; 127.0.0.1 keeps it on this machine (use 0.0.0.0 in a container)',
      default: '127.0.0.1',
    }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parse(Serve)
    const settings = await loadSettings()
    const config = await loadServeConfig(flags.config, process.env, settings.config)
    const exporter = await startExporter({
      config,
      host: flags.host,
      port: flags.port,
      check,
      log: printError,
    })
    printError(
      `apidx exporter listening on ${exporter.url} with ${config.modules.size} modules: ${[...config.modules.keys()].join(', ')}`,
    )
    await new Promise<void>((resolve) => {
      const stop = () => void exporter.close().then(resolve)
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  }
}
