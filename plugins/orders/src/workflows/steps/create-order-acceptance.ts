import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCEPTANCE_MESSAGES } from "../../lib/progress"
import { ACCEPTANCE_MODULE } from "../../modules/acceptance"
import type OrderAcceptanceModuleService from "../../modules/acceptance/service"

export interface CreateOrderAcceptanceStepInput {
  order_id: string
  customer_id: string
  note: string | null
}

/**
 * Writes the acceptance record. Two simultaneous submissions both pass validation; the unique
 * index on order_id lets only one insert through, and the other ends here as a 409.
 * Compensation deletes the record.
 */
export const createOrderAcceptanceStep = createStep(
  "create-order-acceptance",
  async (input: CreateOrderAcceptanceStepInput, { container }) => {
    const service = container.resolve<OrderAcceptanceModuleService>(ACCEPTANCE_MODULE)
    try {
      const acceptance = await service.createOrderAcceptances({
        order_id: input.order_id,
        customer_id: input.customer_id,
        note: input.note,
        accepted_at: new Date(),
      })
      return new StepResponse(acceptance, acceptance.id)
    } catch (error) {
      // The unique violation arrives as Medusa's "already exists" error; whatever its shape,
      // an acceptance that exists now means another request won the race.
      const existing = await service.listOrderAcceptances({ order_id: input.order_id }, { select: ["id"] })
      if (existing.length) throw new MedusaError(MedusaError.Types.CONFLICT, ACCEPTANCE_MESSAGES.already_accepted)
      throw error
    }
  },
  async (acceptanceId, { container }) => {
    if (!acceptanceId) return
    const service = container.resolve<OrderAcceptanceModuleService>(ACCEPTANCE_MODULE)
    await service.deleteOrderAcceptances(acceptanceId)
  }
)
