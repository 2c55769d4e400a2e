import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { PAYMENT_MESSAGES } from "../../../lib/messages"
import { BANK_TRANSFER_PROVIDER_ID } from "../../../lib/providers"
import type { AdminFindBankTransferType } from "./validators"

/**
 * GET /admin/bank-transfers?reference=GWC-20261122-7KQ3XM — the operator reads a payment
 * reference off a bank statement line and finds the payment (and its order) to mark received.
 * The code alone also finds it: codes are unique on their own. 404 when no bank transfer has it.
 *
 * References live in the payments' `data`, which the Payment Module cannot filter on, so this
 * reads the payment table directly (read-only) and then loads the payment through the module.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminFindBankTransferType>, res: MedusaResponse) {
  const wanted = req.validatedQuery.reference
  const knex = req.scope.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const matches = knex("payment")
    .select("id")
    .where({ provider_id: BANK_TRANSFER_PROVIDER_ID })
    .whereNull("deleted_at")
    .orderBy("created_at", "desc")
    .limit(2)
  const rows: { id: string }[] =
    "reference" in wanted
      ? await matches.whereRaw("data->>'reference' = ?", [wanted.reference])
      : await matches.whereRaw("data->>'reference' like ?", [`%-${wanted.code}`])
  const shown = "reference" in wanted ? wanted.reference : wanted.code
  if (!rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, PAYMENT_MESSAGES.reference_not_found(shown))

  const payment = await req.scope
    .resolve<IPaymentModuleService>(Modules.PAYMENT)
    .retrievePayment(rows[0].id, { relations: ["captures", "refunds"] })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order.id", "order.display_id", "order.email"],
    filters: { payment_collection_id: payment.payment_collection_id },
  })
  res.json({ bank_transfer: { payment, order: links[0]?.order ?? null } })
}
