// @apidx/mock — filled in by its issue.
export {}
