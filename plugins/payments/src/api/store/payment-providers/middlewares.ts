import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { offlineProvidersFor } from "../../../lib/buyer"
import { isRestrictedProvider } from "../../../lib/eligibility"
import { signedInCustomerId } from "../buyer"

type ProvidersBody = { payment_providers?: { id?: unknown }[]; count?: unknown }

/**
 * Medusa's GET /store/payment-providers?region_id= lists what the region offers to anyone. This
 * middleware looks up what the signed-in customer may use before the route runs and drops the
 * offline methods they may not from its answer (guests keep only the normal methods); `count`
 * shrinks by what was dropped. The per-cart list is GET /store/carts/:id/payment-methods.
 */
export async function filterPaymentProviders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const allowed = await offlineProvidersFor(req.scope, signedInCustomerId(req))
    const json = res.json.bind(res)
    res.json = ((body: ProvidersBody) => {
      if (res.statusCode === 200 && body && Array.isArray(body.payment_providers)) {
        const kept = body.payment_providers.filter((p) => typeof p?.id !== "string" || !isRestrictedProvider(p.id) || allowed.has(p.id))
        const dropped = body.payment_providers.length - kept.length
        body = { ...body, payment_providers: kept, ...(typeof body.count === "number" ? { count: Math.max(0, body.count - dropped) } : {}) }
      }
      return json(body)
    }) as MedusaResponse["json"]
    next()
  } catch (error) {
    next(error)
  }
}

export const storePaymentProviderMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/payment-providers", middlewares: [filterPaymentProviders] },
]
