// apidx configuration.
export { loadConfig, checkConfig, DATA_PLACES, CODE_PLACES, type ConfigOptions, type LoadedConfig } from './load.js'
