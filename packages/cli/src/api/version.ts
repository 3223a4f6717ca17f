// apidx's own version, from its package.json (SARIF's tool.driver.version, the exporter's logs).
import { createRequire } from 'node:module'

/** The version of the installed `apidx` package. */
export const version: string = (createRequire(import.meta.url)('../../package.json') as { version: string })
  .version
