import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHECKOUT_JOURNAL_MODULE } from "../modules/checkout-journal"
import type CheckoutJournalModuleService from "../modules/checkout-journal/service"
import { repairCheckoutAttemptWorkflow } from "../workflows/repair-checkout-attempt"

/** How long a completion may run before its open attempt counts as cut off (Medusa's completion lock lives 2 minutes). */
export const DEFAULT_REPAIR_AFTER_SECONDS = 180
export const MAX_REPAIR_AFTER_SECONDS = 86_400

export function repairAfterSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.GWC_CHECKOUT_REPAIR_AFTER_SECONDS?.trim() ?? ""
  const value = Number(text)
  return /^\d+$/.test(text) && value <= MAX_REPAIR_AFTER_SECONDS ? value : DEFAULT_REPAIR_AFTER_SECONDS
}

/** Every minute by default; a cron expression of 5 or 6 fields (seconds first) may replace it. */
export function repairSchedule(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.GWC_CHECKOUT_REPAIR_SCHEDULE?.trim()
  return value && /^([0-9*/,-]+\s+){4,5}[0-9*/,-]+$/.test(value) ? value : "* * * * *"
}

export interface RepairResult {
  attempt_id: string
  cart_id: string
  status: string
  order_id: string | null
  note: string | null
  error?: string
}

/**
 * Repairs the attempts still open `olderThanSeconds` after they started, oldest first, one
 * workflow each (a failure is reported and left for the next run).
 */
export async function repairCutOffCheckouts(container: MedusaContainer, olderThanSeconds: number, limit = 100): Promise<RepairResult[]> {
  const journal = container.resolve<CheckoutJournalModuleService>(CHECKOUT_JOURNAL_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const cutoff = new Date(Date.now() - olderThanSeconds * 1000)
  const open = await journal.listCheckoutAttempts(
    { status: "pending", started_at: { $lte: cutoff } },
    { order: { started_at: "ASC" }, take: limit }
  )
  const results: RepairResult[] = []
  for (const attempt of open) {
    try {
      const { result } = await repairCheckoutAttemptWorkflow(container).run({ input: { attempt_id: attempt.id, cart_id: attempt.cart_id } })
      results.push({ attempt_id: attempt.id, cart_id: attempt.cart_id, status: result.status, order_id: result.order_id, note: result.note })
      logger.info(`下单中断已处理 / cut-off checkout ${attempt.id} (cart ${attempt.cart_id}): ${result.status} ${result.order_id ?? ""} ${result.note}`)
    } catch (error) {
      const message = (error as Error).message
      results.push({ attempt_id: attempt.id, cart_id: attempt.cart_id, status: "pending", order_id: null, note: null, error: message })
      logger.warn(`下单中断处理失败，稍后重试 / could not repair cut-off checkout ${attempt.id}: ${message}`)
    }
  }
  return results
}
