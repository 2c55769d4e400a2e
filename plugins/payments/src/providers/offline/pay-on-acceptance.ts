import type { InitiatePaymentInput } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { PAYMENT_MESSAGES } from "../../lib/messages"
import { fenToYuan, toFen } from "../../lib/money"
import { DEFAULT_PAY_ON_ACCEPTANCE_DAYS } from "../../lib/pay-on-acceptance"
import type { PayOnAcceptanceData } from "../../lib/payment-data"
import { PAY_ON_ACCEPTANCE_IDENTIFIER } from "../../lib/providers"
import { OfflinePaymentProvider, text } from "./base"


export const PayOnAcceptanceOptions = z
  .object({
    /** N: days after acceptance (验收) within which the organisation pays (GWC_PAY_ON_ACCEPTANCE_DAYS). */
    pay_on_acceptance_days: z.number().int().min(1).max(365).default(DEFAULT_PAY_ON_ACCEPTANCE_DAYS),
  })
  .loose()
export type PayOnAcceptanceOptions = z.input<typeof PayOnAcceptanceOptions>

/**
 * 验收后付款: approved organisations order now and pay within N days of accepting the delivery.
 *
 * - authorizePayment authorises at once and fixes the term (N days) on the payment; the due date
 *   is unknown until the order is accepted.
 * - On `order.accepted` the subscriber sets `accepted_at` and `due_at` = acceptance + N days.
 * - The operator marks it paid with Medusa's capture once the money is in; an hourly job flags
 *   payments past `due_at` and not captured (`overdue: true`).
 */
export class PayOnAcceptancePaymentProvider extends OfflinePaymentProvider<z.output<typeof PayOnAcceptanceOptions>> {
  static override identifier = PAY_ON_ACCEPTANCE_IDENTIFIER

  private readonly termDays: number

  static override validateOptions(options: Record<string, unknown>): void {
    if (!PayOnAcceptanceOptions.safeParse(options ?? {}).success) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `pay on acceptance provider options: ${PAYMENT_MESSAGES.acceptance_terms_invalid}`)
    }
  }

  constructor(cradle: Record<string, unknown>, options: PayOnAcceptanceOptions = {}) {
    const parsed = PayOnAcceptanceOptions.parse(options ?? {})
    super(cradle, parsed)
    this.termDays = parsed.pay_on_acceptance_days
  }

  protected async initialData(input: InitiatePaymentInput): Promise<PayOnAcceptanceData> {
    return {
      method: "pay_on_acceptance",
      status: "pending",
      amount: fenToYuan(toFen(input.amount)),
      currency_code: input.currency_code.toLowerCase(),
      session_id: text(input.data?.session_id) ?? null,
      payment_terms_days: this.termDays,
      due_at: null,
    }
  }

  protected authorizedData(data: Record<string, unknown>): PayOnAcceptanceData {
    return {
      method: "pay_on_acceptance",
      status: "authorized",
      amount: fenToYuan(toFen(Number(data.amount ?? 0))),
      currency_code: String(data.currency_code ?? "").toLowerCase(),
      session_id: text(data.session_id) ?? null,
      // The term in force when the order is placed, not what the buyer's session says.
      payment_terms_days: this.termDays,
      accepted_at: null,
      due_at: null,
    }
  }

  protected captureCheck(): Record<string, unknown> {
    return {}
  }
}
