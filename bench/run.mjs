// Runs every apidx benchmark in turn. Not part of `npm test`: `npm run bench`.
await import('./startup.mjs')
await import('./check.mjs')
await import('./fleet.mjs')
