import { describe, expect, it } from "vitest"
import { seedDecision } from "../../backend/scripts/lib/stack-up"

describe("when npm start seeds", () => {
  it("seeds an unseeded database, re-runs the (additive) seed after a version bump, else never", () => {
    expect(seedDecision(null, 2)).toBe("first")
    expect(seedDecision({ version: 1 }, 2)).toBe("upgrade")
    expect(seedDecision({ version: 2 }, 2)).toBe("skip")
    expect(seedDecision({ version: 3 }, 2)).toBe("skip") // a newer database is left alone
  })
})
