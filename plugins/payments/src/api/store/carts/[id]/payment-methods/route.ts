import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { offlineProvidersFor } from "../../../../../lib/buyer"
import { isRestrictedProvider } from "../../../../../lib/eligibility"
import { PAYMENT_MESSAGES } from "../../../../../lib/messages"
import { PROVIDER_LABELS } from "../../../../../lib/providers"

type RegionProvider = { id: string; is_enabled: boolean } | null

/**
 * GET /store/carts/:id/payment-methods — the payment methods the checkout shows for this cart:
 * the enabled providers of the cart's region, without the offline methods its buyer (the cart's
 * customer; none for a guest cart) may not use. Answers
 * `{ cart_id, payment_providers: [{ id, label_zh, label_en }] }`; 404 for an unknown cart.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "region.payment_providers.id", "region.payment_providers.is_enabled"],
    filters: { id: req.params.id },
  })
  const cart = data[0] as { id: string; customer_id: string | null; region?: { payment_providers?: RegionProvider[] } | null } | undefined
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, PAYMENT_MESSAGES.cart_not_found(req.params.id))

  const allowed = await offlineProvidersFor(req.scope, cart.customer_id)
  const providers = (cart.region?.payment_providers ?? [])
    .filter((p): p is NonNullable<RegionProvider> => !!p?.id && p.is_enabled !== false)
    .filter((p) => !isRestrictedProvider(p.id) || allowed.has(p.id))
    .map((p) => ({ id: p.id, label_zh: PROVIDER_LABELS[p.id]?.zh ?? null, label_en: PROVIDER_LABELS[p.id]?.en ?? null }))
    .sort((a, b) => a.id.localeCompare(b.id))
  res.json({ cart_id: cart.id, payment_providers: providers })
}
