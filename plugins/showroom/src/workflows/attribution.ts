import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createRemoteLinkStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { SHOWROOM_MODULE } from "../modules/showroom"
import { LOCK_TIMEOUT, LOCK_TTL, orderAttributionLock } from "./locks"
import { createOrderAttributionStep } from "./steps"

export interface AttributeOrderInput {
  order_id: string
  scan_id: string
  total: number
  currency_code: string
}

/**
 * 展厅渠道归因: an order placed after a kiosk QR scan gets one attribution and the link
 * order ↔ showroom_order_attribution. Idempotent per order (lock + lookup); a failed link
 * deletes the attribution.
 */
export const attributeOrderWorkflow = createWorkflow("showroom-attribute-order", (input: AttributeOrderInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: orderAttributionLock(input.order_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  const result = createOrderAttributionStep(input)
  when("showroom-attribution-created", { result }, ({ result }) => result.created).then(() => {
    createRemoteLinkStep(
      transform({ result }, ({ result }) => [
        {
          [SHOWROOM_MODULE]: { showroom_order_attribution_id: result.attribution!.id },
          [Modules.ORDER]: { order_id: result.attribution!.order_id },
        },
      ])
    )
  })
  releaseLockStep(transform({ input }, ({ input }) => ({ key: orderAttributionLock(input.order_id) })))
  return new WorkflowResponse(result)
})
