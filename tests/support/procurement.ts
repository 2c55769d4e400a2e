// Buyer organisations, price comparisons and the tendering agency over the real API, for the
// storefront's procurement tests. No vitest imports (browser tests reuse these helpers).

import { admin, listAll, store } from "./http"
import { postAs, storeAs, type TestCustomer } from "./orders"
import { creditCode } from "./supplier"

function ok<T extends { status: number; body: any }>(what: string, response: T, status = [200, 201]): T {
  if (!status.includes(response.status)) throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response
}

/** Registers an organisation for the customer (who becomes its admin). */
export async function createOrganization(customer: TestCustomer, name: string, seed: number) {
  const response = ok(
    "create organisation",
    await postAs(customer, "/store/organizations", { name, type: "government_unit", credit_code: creditCode(seed) })
  )
  return response.body as { organization: { id: string; name: string }; member: { id: string; role: string } }
}

/** Invites `member` into `admin`'s organisation and has them accept. */
export async function addMember(adminCustomer: TestCustomer, member: TestCustomer, role = "purchaser") {
  const invited = ok("invite", await postAs(adminCustomer, "/store/organizations/me/invitations", { email: member.email, role }))
  ok("accept", await postAs(member, "/store/organization-invitations/accept", { token: invited.body.token }))
}

export interface OfferChoice {
  category_id: string
  category_name: string
  variant_ids: string[]
  offers: { title: string; supplier: string; variant_id: string }[]
}

let offersPromise: Promise<OfferChoice> | null = null

/**
 * A category of the seeded catalogue with published products of at least three suppliers, and
 * one product (its first variant) of each of three of them: offers a comparison accepts.
 */
export function threeOffers(): Promise<OfferChoice> {
  offersPromise ??= (async () => {
    const regions = await store("/store/regions?fields=id,currency_code")
    const regionId = regions.body.regions.find((r: { currency_code: string }) => r.currency_code === "cny")?.id
    const products = await listAll(
      (offset, limit) =>
        store(`/store/products?region_id=${regionId}&fields=id,title,metadata,*categories,*variants,+variants.inventory_quantity&limit=${limit}&offset=${offset}&order=created_at`),
      "products"
    )
    const byCategory = new Map<string, { name: string; offers: Map<string, { title: string; supplier: string; variant_id: string }> }>()
    for (const product of products as any[]) {
      const code = product.metadata?.supplier_code
      const supplier = product.metadata?.supplier_name
      // Goods with stock (the test orders the chosen one), from a seeded supplier.
      if (product.metadata?.offer_kind !== "goods" || typeof code !== "string" || typeof supplier !== "string") continue
      const variant = (product.variants ?? []).find((v: { inventory_quantity?: number }) => (v.inventory_quantity ?? 0) >= 10)
      const category = product.categories?.[0]
      if (!variant || !category) continue
      let entry = byCategory.get(category.id)
      if (!entry) byCategory.set(category.id, (entry = { name: category.name, offers: new Map() }))
      if (!entry.offers.has(code)) entry.offers.set(code, { title: product.title, supplier, variant_id: variant.id })
    }
    for (const [id, entry] of byCategory) {
      const offers = [...entry.offers.values()]
      if (offers.length < 3 || new Set(offers.map((o) => o.supplier)).size < 3) continue
      const three = offers.slice(0, 3)
      return { category_id: id, category_name: entry.name, variant_ids: three.map((o) => o.variant_id), offers: three }
    }
    throw new Error("no category with goods of three suppliers in the catalogue")
  })()
  return offersPromise
}

/** A tendering agency with one login (operator route), and that login's password. */
export async function createAgency(name: string, email: string, password = "Agency-pass-1") {
  const response = ok("create agency", await admin("/admin/agencies", { method: "POST", body: JSON.stringify({ name, email, password }) }))
  return { agency: response.body.agency as { id: string; name: string }, email, password }
}

/** A draft comparison of three offers, created through the store API. */
export async function createComparison(customer: TestCustomer, title: string) {
  const offers = await threeOffers()
  const response = ok(
    "create comparison",
    await postAs(customer, "/store/comparisons", { title, category_id: offers.category_id, quantity: 2, variant_ids: offers.variant_ids })
  )
  return response.body.comparison as { id: string; status: string; offers: { id: string }[] }
}

export function comparisonOf(customer: TestCustomer, id: string) {
  return storeAs(customer, `/store/comparisons/${id}`)
}
