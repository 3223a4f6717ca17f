// Diagnosis: root cause and ranked causes from a run's findings.
export { diagnose, type Diagnosis, type Alternative } from './diagnose.js'
export { retryFor } from './retry.js'
