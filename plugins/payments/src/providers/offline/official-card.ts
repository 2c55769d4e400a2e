import type { InitiatePaymentInput } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { PAYMENT_MESSAGES } from "../../lib/messages"
import { fenToYuan, toFen } from "../../lib/money"
import type { OfficialCardData } from "../../lib/payment-data"
import { OFFICIAL_CARD_IDENTIFIER } from "../../lib/providers"
import { OfflinePaymentProvider, text } from "./base"

/** The card details a buyer gives at checkout (公务卡: holder, last four digits, authorisation code). */
export const OfficialCardDetails = z.object({
  holder_name: z
    .string({ error: PAYMENT_MESSAGES.card_holder_required })
    .trim()
    .min(1, PAYMENT_MESSAGES.card_holder_required)
    .max(50, PAYMENT_MESSAGES.card_holder_too_long),
  last4: z.string({ error: PAYMENT_MESSAGES.card_last4 }).trim().regex(/^\d{4}$/, PAYMENT_MESSAGES.card_last4),
  auth_code: z
    .string({ error: PAYMENT_MESSAGES.card_auth_code })
    .trim()
    .regex(/^[A-Za-z0-9]{6}$/, PAYMENT_MESSAGES.card_auth_code)
    .transform((code) => code.toUpperCase()),
})
export type OfficialCardDetails = z.infer<typeof OfficialCardDetails>

/**
 * 公务卡: the buyer pays with their unit's official card at the card terminal or bank and
 * enters the card holder, the card's last four digits and the authorisation code at checkout.
 *
 * - initiatePayment records what was given (the checkout may create the session before the
 *   buyer has typed the details).
 * - authorizePayment validates the details; bad ones refuse the order with a 400 naming what is
 *   wrong, and the buyer can start a new session with corrected details.
 * - capture is the operator confirming the settlement (Medusa's capture); refunds are recorded
 *   against what was captured.
 */
export class OfficialCardPaymentProvider extends OfflinePaymentProvider {
  static override identifier = OFFICIAL_CARD_IDENTIFIER

  constructor(cradle: Record<string, unknown>, options: Record<string, unknown> = {}) {
    super(cradle, options)
  }

  protected async initialData(input: InitiatePaymentInput): Promise<OfficialCardData> {
    const given = input.data ?? {}
    return {
      method: "official_card",
      status: "pending",
      amount: fenToYuan(toFen(input.amount)),
      currency_code: input.currency_code.toLowerCase(),
      session_id: text(given.session_id) ?? null,
      holder_name: text(given.holder_name),
      last4: text(given.last4),
      auth_code: text(given.auth_code)?.toUpperCase(),
    }
  }

  protected authorizedData(data: Record<string, unknown>): OfficialCardData {
    const details = OfficialCardDetails.safeParse({ holder_name: data.holder_name, last4: data.last4, auth_code: data.auth_code })
    if (!details.success) {
      const problems = [...new Set(details.error.issues.map((issue) => issue.message))].join("；")
      throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_MESSAGES.card_invalid(problems))
    }
    return {
      method: "official_card",
      status: "authorized",
      amount: fenToYuan(toFen(Number(data.amount ?? 0))),
      currency_code: String(data.currency_code ?? "").toLowerCase(),
      session_id: text(data.session_id) ?? null,
      ...details.data,
    }
  }

  protected captureCheck(): Record<string, unknown> {
    return {}
  }
}
