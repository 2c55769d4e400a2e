import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import SupplierOrderLink from "../links/supplier-order"
import { SUPPLIER_MODULE } from "../modules/supplier"
import { suppliersOfProducts } from "./utils/supplier-orders"

export interface LinkOrderSuppliersInput {
  order_id: string
}

/** The suppliers whose products are in the order and that are not linked to it yet (read-only). */
export const findOrderSuppliersStep = createStep("supplier-find-order-suppliers", async (input: LinkOrderSuppliersInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.product_id"], filters: { id: input.order_id } })
  const order = data[0] as { id: string; items?: ({ product_id?: string | null } | null)[] | null } | undefined
  if (!order) return new StepResponse({ all: [] as string[], missing: [] as string[] })
  const productIds = (order.items ?? []).map((item) => item?.product_id).filter((id): id is string => !!id)
  const all = [...new Set((await suppliersOfProducts(container, productIds)).values())]
  if (!all.length) return new StepResponse({ all, missing: [] as string[] })
  const { data: linked } = await query.graph({
    entity: SupplierOrderLink.entryPoint,
    fields: ["supplier_id"],
    filters: { order_id: order.id, supplier_id: all },
  })
  const present = new Set((linked as { supplier_id: string }[]).map((row) => row.supplier_id))
  return new StepResponse({ all, missing: all.filter((id) => !present.has(id)) })
})

/**
 * Links an order to every supplier whose products it holds (supplier↔order), so each supplier
 * finds it under /supplier/orders. Safe to run again: only missing links are created.
 */
export const linkOrderSuppliersWorkflow = createWorkflow("supplier-link-order", (input: LinkOrderSuppliersInput) => {
  const found = findOrderSuppliersStep(input)
  when({ found }, ({ found }) => found.missing.length > 0).then(() => {
    createRemoteLinkStep(
      transform({ found, input }, ({ found, input }) =>
        found.missing.map((supplierId) => ({
          [SUPPLIER_MODULE]: { supplier_id: supplierId },
          [Modules.ORDER]: { order_id: input.order_id },
        }))
      )
    )
  })
  return new WorkflowResponse(transform({ found }, ({ found }) => ({ supplier_ids: found.all, linked: found.missing })))
})
