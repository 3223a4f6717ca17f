// apidx doctor: the environment checks.
export { runDoctor } from './doctor.js'
export type { DoctorReport, DoctorFinding, DoctorOptions, DoctorCredential, DoctorArea } from './types.js'
