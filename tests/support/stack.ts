import { inject } from "vitest"
import type { StackFacts } from "../../backend/scripts/lib/stack"

export interface TestStack {
  facts: StackFacts
  databaseUrl: string
  /** The environment the backend runs with (for running more Medusa commands against it). */
  env: Record<string, string>
  runDir: string
  logDir: string
}

declare module "vitest" {
  export interface ProvidedContext {
    stack: TestStack
  }
}

export function testStack(): TestStack {
  return inject("stack")
}
