import type { MedusaRequest } from "@medusajs/framework/http"

/** The signed-in customer of a store request (Medusa authenticates /store/* optionally), or null. */
export function signedInCustomerId(req: MedusaRequest): string | null {
  const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
}
