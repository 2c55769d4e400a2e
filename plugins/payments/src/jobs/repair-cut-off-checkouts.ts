import type { MedusaContainer } from "@medusajs/framework/types"
import { repairAfterSeconds, repairCutOffCheckouts, repairSchedule } from "../lib/checkout-repair"

/**
 * Finds cart completions a crash or a kill cut off (their checkout attempt still open after the
 * grace period) and finishes or undoes them. Also runs right after a restart: the first tick
 * comes within a minute.
 */
export default async function repairCutOffCheckoutsJob(container: MedusaContainer) {
  await repairCutOffCheckouts(container, repairAfterSeconds())
}

export const config = {
  name: "repair-cut-off-checkouts",
  schedule: repairSchedule(),
}
