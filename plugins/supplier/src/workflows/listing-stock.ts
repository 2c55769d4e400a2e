import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createInventoryLevelsWorkflow,
  createRemoteLinkStep,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateInventoryLevelsWorkflow,
} from "@medusajs/medusa/core-flows"
import { SUPPLIER_MODULE } from "../modules/supplier"
import { recordAuditStep } from "./steps/audit"

export interface SetSupplierStockInput {
  supplier_id: string
  member_id: string
  product_id: string
  variant_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
  /** Whether the item already has a level at the location (update) or needs one (create). */
  level_exists: boolean
}

/**
 * A supplier sets a variant's stock (库存) at one of its own locations. Stock is not reviewed:
 * it applies at once (and reaches search through Medusa's inventory events).
 */
export const setSupplierStockWorkflow = createWorkflow("set-supplier-stock", (input: SetSupplierStockInput) => {
  when("supplier-stock-update-level", { input }, ({ input }) => input.level_exists).then(() => {
    updateInventoryLevelsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ updates: [{ inventory_item_id: input.inventory_item_id, location_id: input.location_id, stocked_quantity: input.quantity }] })),
    })
  })
  when("supplier-stock-create-level", { input }, ({ input }) => !input.level_exists).then(() => {
    createInventoryLevelsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ inventory_levels: [{ inventory_item_id: input.inventory_item_id, location_id: input.location_id, stocked_quantity: input.quantity }] })),
    })
  })
  recordAuditStep(
    transform({ input }, ({ input }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.member_id,
      action: "stock-set",
      subject_type: "product",
      subject_id: input.product_id,
      data: { variant_id: input.variant_id, location_id: input.location_id, quantity: input.quantity },
    }))
  )
  return new WorkflowResponse({ variant_id: input.variant_id, location_id: input.location_id, stocked_quantity: input.quantity })
})

export interface CreateSupplierStockLocationInput {
  supplier_id: string
  member_id: string
  sales_channel_id: string
  location: {
    name: string
    address: { address_1: string; address_2?: string; city: string; province: string; postal_code?: string; phone?: string; country_code: string }
  }
}

/**
 * A supplier's own warehouse (仓库): a Medusa stock location linked to the supplier, to the online
 * store's sales channel (so stock there counts as available) and to the manual fulfilment
 * provider, like the seeded locations.
 */
export const createSupplierStockLocationWorkflow = createWorkflow("create-supplier-stock-location", (input: CreateSupplierStockLocationInput) => {
  const locations = createStockLocationsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ locations: [{ name: input.location.name, address: input.location.address, metadata: { supplier_id: input.supplier_id } }] })),
  })
  const location = transform({ locations }, ({ locations }) => locations[0])
  createRemoteLinkStep(
    transform({ input, location }, ({ input, location }): LinkDefinition[] => [
      { [SUPPLIER_MODULE]: { supplier_id: input.supplier_id }, [Modules.STOCK_LOCATION]: { stock_location_id: location.id } },
      { [Modules.STOCK_LOCATION]: { stock_location_id: location.id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" } },
    ])
  ).config({ name: "supplier-link-stock-location" })
  linkSalesChannelsToStockLocationWorkflow.runAsStep({ input: transform({ input, location }, ({ input, location }) => ({ id: location.id, add: [input.sales_channel_id] })) })
  recordAuditStep(
    transform({ input, location }, ({ input, location }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.member_id,
      action: "stock-location-created",
      subject_type: "stock_location",
      subject_id: location.id,
      data: { name: location.name },
    }))
  )
  return new WorkflowResponse(location)
})
