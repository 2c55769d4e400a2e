import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createInventoryLevelsWorkflow, createProductsWorkflow, createRemoteLinkStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { PreparedListing } from "../lib/listing-prepare"
import { SUPPLIER_MODULE } from "../modules/supplier"
import { createListingChangesStep, recordAuditEntriesStep } from "./steps/listing-changes"

export interface CreateSupplierListingsInput {
  supplier_id: string
  member_id: string
  /** "portal" for one listing from the form, "import" for a chunk of a CSV file. */
  source: "portal" | "import"
  listings: PreparedListing[]
}

/**
 * New listings (新商品上架申请) for a supplier: draft products in the online store, linked to the
 * supplier, stocked at its own locations, each with a pending "create" listing change for the
 * operator, and logged. One workflow per call: if any part fails, the compensations remove the
 * products, links, stock and changes already made, so no listing is ever half-created.
 */
export const createSupplierListingsWorkflow = createWorkflow("create-supplier-listings", (input: CreateSupplierListingsInput) => {
  const products = createProductsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ products: input.listings.map((l) => l.product) })),
  })

  createRemoteLinkStep(
    transform({ input, products }, ({ input, products }) =>
      products.map((product) => ({ [SUPPLIER_MODULE]: { supplier_id: input.supplier_id }, [Modules.PRODUCT]: { product_id: product.id } }))
    )
  )

  const { data: variants } = useQueryGraphStep({
    entity: "product_variant",
    fields: ["id", "title", "product_id", "inventory_items.inventory_item_id"],
    filters: transform({ products }, ({ products }) => ({ product_id: products.map((p) => p.id) })),
  }).config({ name: "supplier-listing-inventory-items" })

  const levels = transform({ input, products, variants }, ({ input, products, variants }) => {
    const itemByVariant = new Map<string, string>()
    for (const v of variants as { id: string; title: string; product_id: string; inventory_items?: ({ inventory_item_id: string } | null)[] }[]) {
      const item = v.inventory_items?.find(Boolean)?.inventory_item_id
      if (item) itemByVariant.set(`${v.product_id}\u0001${v.title}`, item)
    }
    return input.listings.flatMap((listing, i) =>
      listing.stock
        .map((level) => ({ inventory_item_id: itemByVariant.get(`${products[i].id}\u0001${level.variant_title}`), location_id: level.location_id, stocked_quantity: level.quantity }))
        .filter((level): level is { inventory_item_id: string; location_id: string; stocked_quantity: number } => !!level.inventory_item_id)
    )
  })
  when("supplier-listing-has-stock", { levels }, ({ levels }) => levels.length > 0).then(() => {
    createInventoryLevelsWorkflow.runAsStep({ input: transform({ levels }, ({ levels }) => ({ inventory_levels: levels })) })
  })

  const changes = createListingChangesStep(
    transform({ input, products }, ({ input, products }) =>
      input.listings.map((listing, i) => {
        const variantIds = new Map((products[i].variants ?? []).map((v) => [v.title, v.id]))
        return {
          supplier_id: input.supplier_id,
          product_id: products[i].id,
          kind: "create" as const,
          proposed: { ...listing.snapshot, prices: (listing.snapshot.prices ?? []).map((p) => ({ ...p, variant_id: variantIds.get(p.variant_title) ?? null })) },
          previous: null,
        }
      })
    )
  )

  recordAuditEntriesStep(
    transform({ input, products, changes }, ({ input, products, changes }) =>
      products.map((product, i) => ({
        supplier_id: input.supplier_id,
        actor_type: "supplier" as const,
        actor_id: input.member_id,
        action: "listing-created",
        subject_type: "product",
        subject_id: product.id,
        data: { change_id: changes[i]?.id ?? null, title: product.title, source: input.source },
      }))
    )
  )

  return new WorkflowResponse({ products, changes })
})
