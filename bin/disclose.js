#!/usr/bin/env node
// The `disclose` command. Disclose runs its TypeScript directly, so register tsx first; the import must come after
// the registration, hence the dynamic import.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli.ts')
