import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CHECKOUT_JOURNAL_MODULE } from "../../../modules/checkout-journal"
import type CheckoutJournalModuleService from "../../../modules/checkout-journal/service"
import type { AdminListCheckoutAttemptsType } from "./validators"

/** GET /admin/checkout-attempts — the checkout journal, newest first (e.g. ?status=pending). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListCheckoutAttemptsType>, res: MedusaResponse) {
  const { status, cart_id, limit, offset } = req.validatedQuery
  const journal = req.scope.resolve<CheckoutJournalModuleService>(CHECKOUT_JOURNAL_MODULE)
  const [attempts, count] = await journal.listAndCountCheckoutAttempts(
    { ...(status ? { status } : {}), ...(cart_id ? { cart_id } : {}) },
    { order: { started_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ checkout_attempts: attempts, count, limit, offset })
}
