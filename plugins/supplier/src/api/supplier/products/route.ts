import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { ListingInput } from "../../../lib/listing"
import { ownedProductIds } from "../../../lib/listing-ownership"
import { loadListingContext, prepareListing, skuTakenError, takenSkus } from "../../../lib/listing-prepare"
import { loadListingState, loadListingStates } from "../../../lib/listing-state"
import { listRow, productDetail, reviewInfo, serializeChange } from "../../../lib/listing-view"
import { supplierOf } from "../../../lib/supplier-context"
import { createSupplierListingsWorkflow } from "../../../workflows/create-listings"
import type { ListSupplierProducts } from "./validators"

/** The caller's own listings (via the supplier↔product link), newest first, with their review state. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier } = supplierOf(req)
  const { limit, offset, status, q } = req.validatedQuery as unknown as ListSupplierProducts
  const ids = await ownedProductIds(req.scope, supplier.id)
  if (!ids.length) return res.json({ products: [], count: 0, limit, offset })
  const filters: Record<string, unknown> = { id: ids }
  if (status) filters.status = status
  if (q) filters.q = q
  const [page, count] = await req.scope.resolve(Modules.PRODUCT).listAndCountProducts(filters, { select: ["id"], take: limit, skip: offset, order: { created_at: "DESC" } })
  const pageIds = page.map((p) => p.id)
  const [states, reviews] = await Promise.all([loadListingStates(req.scope, pageIds), reviewInfo(req.scope, pageIds)])
  res.json({ products: states.map((s) => listRow(s, reviews.get(s.id))), count, limit, offset })
}

/**
 * A new listing: a draft product (not in the store or search) with a pending "create" change
 * for the operator. See lib/listing.ts for the body.
 */
export async function POST(req: AuthenticatedMedusaRequest<ListingInput>, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const ctx = await loadListingContext(req.scope, supplier.id)
  const prepared = await prepareListing(ctx, req.validatedBody)
  if ("error" in prepared) throw new MedusaError(MedusaError.Types.INVALID_DATA, prepared.error)
  const skus = (prepared.listing.product.variants ?? []).map((v) => v.sku).filter((s): s is string => !!s)
  const [taken] = [...(await takenSkus(req.scope, skus))]
  if (taken) throw new MedusaError(MedusaError.Types.INVALID_DATA, skuTakenError(taken))
  const { result } = await createSupplierListingsWorkflow(req.scope).run({
    input: { supplier_id: supplier.id, member_id: member.id, source: "portal", listings: [prepared.listing] },
  })
  const product = await loadListingState(req.scope, result.products[0].id)
  const reviews = await reviewInfo(req.scope, [product.id])
  res.status(201).json({ product: productDetail(product, reviews.get(product.id)), change: serializeChange(result.changes[0] as any) })
}
