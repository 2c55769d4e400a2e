// The checkout repair's pure parts: reading its settings, reading quantities from query results,
// and the failpoints that only a test backend (GWC_FAILPOINTS=1) honours.

import { afterEach, describe, expect, it } from "vitest"
import { DEFAULT_REPAIR_AFTER_SECONDS, repairAfterSeconds, repairSchedule } from "../../plugins/payments/src/lib/checkout-repair"
import { armFailpoint, failpoint, FAILPOINT_MARKER } from "../../plugins/payments/src/lib/failpoint"
import { toNumber } from "../../plugins/payments/src/workflows/steps/inspect-checkout-attempt"

describe("checkout repair settings", () => {
  it("waits 180 s by default, takes 0–86400, and ignores anything else", () => {
    expect(repairAfterSeconds({})).toBe(DEFAULT_REPAIR_AFTER_SECONDS)
    expect(DEFAULT_REPAIR_AFTER_SECONDS).toBe(180)
    expect(repairAfterSeconds({ GWC_CHECKOUT_REPAIR_AFTER_SECONDS: "0" })).toBe(0)
    expect(repairAfterSeconds({ GWC_CHECKOUT_REPAIR_AFTER_SECONDS: "86400" })).toBe(86_400)
    for (const bad of ["-1", "86401", "1.5", "soon", ""]) {
      expect(repairAfterSeconds({ GWC_CHECKOUT_REPAIR_AFTER_SECONDS: bad }), bad).toBe(DEFAULT_REPAIR_AFTER_SECONDS)
    }
  })

  it("runs every minute unless given a 5- or 6-field cron expression", () => {
    expect(repairSchedule({})).toBe("* * * * *")
    expect(repairSchedule({ GWC_CHECKOUT_REPAIR_SCHEDULE: "*/2 * * * * *" })).toBe("*/2 * * * * *")
    expect(repairSchedule({ GWC_CHECKOUT_REPAIR_SCHEDULE: " 0 */5 * * * " })).toBe("0 */5 * * *")
    for (const bad of ["every minute", "* * *", "* * * * * * *", "rm -rf /"]) {
      expect(repairSchedule({ GWC_CHECKOUT_REPAIR_SCHEDULE: bad }), bad).toBe("* * * * *")
    }
  })

  it("reads quantities in every shape Medusa returns them", () => {
    expect(toNumber(3)).toBe(3)
    expect(toNumber("10")).toBe(10)
    expect(toNumber({ value: "7", precision: 20 })).toBe(7)
    expect(toNumber({ numeric: 4, raw: { value: "4" } })).toBe(4)
    expect(toNumber({ valueOf: () => 5 })).toBe(5)
    expect(toNumber(null)).toBeNaN()
  })
})

describe("failpoints", () => {
  const saved = process.env.GWC_FAILPOINTS
  afterEach(() => {
    if (saved === undefined) delete process.env.GWC_FAILPOINTS
    else process.env.GWC_FAILPOINTS = saved
  })

  /** Resolves true when the failpoint returned, false when it is still waiting after 50 ms. */
  const returns = (promise: Promise<void>) => Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 50))])

  it("do nothing without GWC_FAILPOINTS=1, whatever a cart's metadata says", async () => {
    delete process.env.GWC_FAILPOINTS
    armFailpoint("cart_a", { gwc_failpoint: "checkout.before-authorization" })
    expect(await returns(failpoint("checkout.before-authorization", "cart_a"))).toBe(true)
  })

  it("with GWC_FAILPOINTS=1, stop only the named cart at the named point and print the marker", async () => {
    process.env.GWC_FAILPOINTS = "1"
    const written: string[] = []
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write
    try {
      armFailpoint("cart_b", { gwc_failpoint: "checkout.before-close" })
      armFailpoint("cart_c", { gwc_failpoint: "not-a-point" })
      expect(await returns(failpoint("checkout.before-authorization", "cart_b"))).toBe(true)
      expect(await returns(failpoint("checkout.before-close", "cart_c"))).toBe(true)
      expect(await returns(failpoint("checkout.before-close", "cart_other"))).toBe(true)
      expect(await returns(failpoint("checkout.before-close", "cart_b"))).toBe(false)
    } finally {
      process.stdout.write = write
    }
    expect(written).toEqual([`${FAILPOINT_MARKER} checkout.before-close cart_b\n`])
  })
})
