import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ownedLocationIds } from "../../../lib/listing-ownership"
import { loadListingContext } from "../../../lib/listing-prepare"
import { supplierOf } from "../../../lib/supplier-context"
import { createSupplierStockLocationWorkflow } from "../../../workflows/listing-stock"
import type { CreateSupplierStockLocation } from "./middlewares"

const FIELDS = ["id", "name", "created_at", "address.address_1", "address.address_2", "address.city", "address.province", "address.postal_code", "address.phone", "address.country_code"]

/** The caller's own stock locations (仓库). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier } = supplierOf(req)
  const ids = await ownedLocationIds(req.scope, supplier.id)
  if (!ids.length) return res.json({ stock_locations: [], count: 0 })
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "stock_location", fields: FIELDS, filters: { id: ids } })
  res.json({ stock_locations: data, count: data.length })
}

/** A new stock location of the caller's, linked to it and to the online store's sales channel. */
export async function POST(req: AuthenticatedMedusaRequest<CreateSupplierStockLocation>, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const ctx = await loadListingContext(req.scope, supplier.id)
  const { result } = await createSupplierStockLocationWorkflow(req.scope).run({
    input: { supplier_id: supplier.id, member_id: member.id, sales_channel_id: ctx.salesChannelId, location: req.validatedBody },
  })
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "stock_location", fields: FIELDS, filters: { id: result.id } })
  res.status(201).json({ stock_location: data[0] })
}
