// apidx configuration.
export { loadConfig, checkConfig, type ConfigOptions, type LoadedConfig } from './load.js'
export { DATA_PLACES, CODE_PLACES } from './search.js'
