import { execFile } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"

const run = promisify(execFile)
const root = path.resolve(__dirname, "../..")
const tsc = path.join(root, "node_modules/typescript/bin/tsc")

// The test backend runs from source through a transpile-only loader, so type errors would
// otherwise surface only in `medusa build`; check every project here.
describe("TypeScript (strict) compiles without errors", () => {
  for (const project of ["backend", "plugins/platform", "plugins/orders", "plugins/supplier", "plugins/payments", "plugins/procurement", "plugins/showroom", "plugins/livestream", "kiosk/agent", "kiosk/app", "tests", "storefront"]) {
    it(project, async () => {
      const result = await run(process.execPath, [tsc, "--noEmit", "-p", path.join(root, project)], { cwd: root }).catch(
        (error: { stdout: string; stderr: string }) => error
      )
      expect(`${result.stdout}${result.stderr}`.trim()).toBe("")
    }, 120_000)
  }
})
