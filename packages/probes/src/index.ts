// @apidx/probes — filled in by its issue.
export {}
