import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { flagOverduePaymentsWorkflow } from "../workflows/flag-overdue-payments"

/**
 * Flags pay-on-acceptance payments whose due date (acceptance + N days) has passed without a
 * capture: `data.overdue = true`. Returns the flagged payment ids. `now` is for tests.
 */
export async function flagOverduePayOnAcceptance(container: MedusaContainer, now: Date = new Date()): Promise<string[]> {
  const { result } = await flagOverduePaymentsWorkflow(container).run({ input: { now: now.toISOString() } })
  if (result.payment_ids.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`验收后付款逾期 / pay on acceptance overdue: flagged ${result.payment_ids.length} payment(s): ${result.payment_ids.join(", ")}`)
  }
  return result.payment_ids
}

export default async function flagOverduePayOnAcceptanceJob(container: MedusaContainer) {
  await flagOverduePayOnAcceptance(container)
}

export const config = {
  name: "flag-overdue-pay-on-acceptance",
  // Hourly, at minute 17.
  schedule: "17 * * * *",
}
