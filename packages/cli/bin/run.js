#!/usr/bin/env node
// The apidx executable: hands argv to oclif, which loads only the command that runs.
import { execute } from '@oclif/core'

await execute({ dir: import.meta.url })
