import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { toStoredSpecs, type ListingSnapshot, type ListingUpdate } from "../../../../lib/listing"
import { productImageFields, resolveListingImages } from "../../../../lib/listing-media"
import { assertOwnsProduct } from "../../../../lib/listing-ownership"
import { findCategory, loadListingContext } from "../../../../lib/listing-prepare"
import { loadListingState } from "../../../../lib/listing-state"
import { productDetail, reviewInfo, serializeChange } from "../../../../lib/listing-view"
import { supplierOf } from "../../../../lib/supplier-context"
import { SUPPLIER_MODULE } from "../../../../modules/supplier"
import type SupplierModuleService from "../../../../modules/supplier/service"
import { deleteSupplierListingWorkflow, updateSupplierListingWorkflow } from "../../../../workflows/update-listing"

async function detailWithChanges(req: AuthenticatedMedusaRequest, productId: string) {
  const state = await loadListingState(req.scope, productId)
  const [reviews, changes] = await Promise.all([
    reviewInfo(req.scope, [productId]),
    req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE).listListingChanges({ product_id: productId }, { order: { created_at: "DESC" }, take: 20 }),
  ])
  const serialized = changes.map((c) => serializeChange(c as any))
  return { product: productDetail(state, reviews.get(productId)), pending_change: serialized.find((c) => c.status === "pending") ?? null, changes: serialized }
}

/** One of the caller's listings with its variants, stock, review state and recent changes (diffs). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier } = supplierOf(req)
  await assertOwnsProduct(req.scope, supplier.id, req.params.id)
  res.json(await detailWithChanges(req, req.params.id))
}

/**
 * Edit a listing. On a live listing, title, category, specs, prices and rental/service terms go
 * to review (the public keeps the old values until approved); subtitle, description and images
 * apply at once. A listing not yet approved changes at once and is (re)submitted for review.
 */
export async function POST(req: AuthenticatedMedusaRequest<ListingUpdate>, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const productId = req.params.id
  await assertOwnsProduct(req.scope, supplier.id, productId)
  const body = req.validatedBody
  const state = await loadListingState(req.scope, productId)
  const kind = state.metadata.offer_kind
  if (body.rental && kind !== "rental") throw new MedusaError(MedusaError.Types.INVALID_DATA, "只有租赁商品有租赁条款 / only rentals have rental terms")
  if (body.service && kind !== "service") throw new MedusaError(MedusaError.Types.INVALID_DATA, "只有服务有服务条款 / only services have service terms")

  const wanted: ListingSnapshot = {}
  if (body.title !== undefined) wanted.title = body.title
  if (body.subtitle !== undefined) wanted.subtitle = body.subtitle || null
  if (body.description !== undefined) wanted.description = body.description
  if (body.rental) wanted.rental = body.rental
  if (body.service) wanted.service = body.service
  if (body.category_id !== undefined) {
    const category = findCategory(await loadListingContext(req.scope, supplier.id), body.category_id)
    if (!category) throw new MedusaError(MedusaError.Types.INVALID_DATA, `分类不存在 / unknown category: ${body.category_id}`)
    wanted.category_id = category.id
  }
  if (body.specs) {
    const specs = toStoredSpecs(body.specs)
    if ("error" in specs) throw new MedusaError(MedusaError.Types.INVALID_DATA, specs.error)
    wanted.specs = specs.specs
  }
  if (body.variants) {
    wanted.prices = body.variants.map((v) => {
      const variant = state.variants.find((s) => s.id === v.id)
      if (!variant) throw new MedusaError(MedusaError.Types.INVALID_DATA, `规格 ${v.id} 不属于该商品 / variant ${v.id} is not a variant of this product`)
      return { variant_id: variant.id, variant_title: variant.title, sku: variant.sku, price_cny: v.price_cny }
    })
  }
  let images = null
  if (body.image_urls !== undefined) {
    const resolved = await resolveListingImages(supplier.id, body.image_urls)
    if ("error" in resolved) throw new MedusaError(MedusaError.Types.INVALID_DATA, resolved.error)
    images = productImageFields(resolved.images)
    wanted.image_urls = resolved.images.map((i) => i.url)
  }
  const { result: plan } = await updateSupplierListingWorkflow(req.scope).run({
    input: { supplier_id: supplier.id, member_id: member.id, product_id: productId, wanted, images },
  })
  res.json({ ...(await detailWithChanges(req, productId)), applied: plan.applied, in_review: plan.in_review })
}

/** Withdraw a listing (soft delete through Medusa's workflow). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  await assertOwnsProduct(req.scope, supplier.id, req.params.id)
  await deleteSupplierListingWorkflow(req.scope).run({ input: { supplier_id: supplier.id, member_id: member.id, product_id: req.params.id } })
  res.json({ id: req.params.id, object: "product", deleted: true })
}
