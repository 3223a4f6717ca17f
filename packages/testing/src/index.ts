// @apidx/testing — filled in by its issue.
export {}
