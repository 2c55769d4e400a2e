import { randomUUID } from "node:crypto"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { PAYMENT_MESSAGES } from "../../lib/messages"
import { OFFLINE_PROVIDER_CONFIG_ID } from "../../lib/providers"
import { fenToYuan, toFen } from "../../lib/money"
import {
  asRecord,
  listOf,
  OfflineCapture,
  OfflineRefund,
  readStatus,
  type OfflinePaymentData,
  type OfflineStatus,
} from "../../lib/payment-data"

const SESSION_STATUS: Record<OfflineStatus, PaymentSessionStatus> = {
  pending: PaymentSessionStatus.PENDING,
  authorized: PaymentSessionStatus.AUTHORIZED,
  captured: PaymentSessionStatus.CAPTURED,
  canceled: PaymentSessionStatus.CANCELED,
}

/**
 * What both offline methods share. No money moves through the platform here: the provider
 * records what happened (authorised at checkout, captured when the operator confirms, refunds
 * paid back offline) in the payment's `data`, and refuses what cannot be true — a capture the
 * method does not allow, a refund of money never received or beyond what was received.
 *
 * Medusa's payment module checks capture and refund amounts against its own ledger before it
 * calls a provider; the checks here hold for callers that reach the provider another way.
 *
 * Every offline method is for signed-in buyers a customer group allows (lib/eligibility): the
 * store routes and the cart completion check the groups; here, as a last line, a session needs
 * the customer Medusa passes in the payment context (never a guest), and a session without one
 * is not authorised.
 */
export abstract class OfflinePaymentProvider<Options extends Record<string, unknown> = Record<string, unknown>> extends AbstractPaymentProvider<Options> {
  /** Session data at checkout (before the buyer places the order). */
  protected abstract initialData(input: InitiatePaymentInput): Promise<OfflinePaymentData>
  /** Validates the session data and returns the payment's data (trusted fields only). */
  protected abstract authorizedData(data: Record<string, unknown>): OfflinePaymentData
  /** Refuses a capture the method does not allow now; returns extra fields to record. */
  protected abstract captureCheck(data: Record<string, unknown>): Record<string, unknown>

  protected now(): string {
    return new Date().toISOString()
  }

  /** `pp_<identifier>_offline`, as Medusa registers it. */
  protected providerId(): string {
    return `pp_${(this.constructor as unknown as { identifier: string }).identifier}_${OFFLINE_PROVIDER_CONFIG_ID}`
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const customerId = text(input.context?.customer?.id)
    if (!customerId) throw new MedusaError(MedusaError.Types.FORBIDDEN, PAYMENT_MESSAGES.method_needs_sign_in(this.providerId()))
    const data = { ...(await this.initialData(input)), customer_id: customerId }
    const id = typeof data.session_id === "string" && data.session_id ? data.session_id : randomUUID()
    return { id, data, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = asRecord(input.data)
    return {
      data: { ...data, amount: fenToYuan(toFen(input.amount)), currency_code: input.currency_code.toLowerCase() },
      status: SESSION_STATUS[readStatus(data)],
    }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = asRecord(input.data)
    const status = readStatus(data)
    // Medusa authorises a session once; answering a repeat with what was recorded keeps it idempotent.
    if (status === "authorized" || status === "captured") return { data, status: SESSION_STATUS[status] }
    if (status === "canceled") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, PAYMENT_MESSAGES.payment_canceled)
    const customerId = text(data.customer_id)
    if (!customerId) throw new MedusaError(MedusaError.Types.FORBIDDEN, PAYMENT_MESSAGES.method_needs_sign_in(this.providerId()))
    const authorized = this.authorizedData(data)
    return {
      data: { ...authorized, customer_id: customerId, status: "authorized", authorized_at: this.now(), captures: [], refunds: [] },
      status: PaymentSessionStatus.AUTHORIZED,
    }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = asRecord(input.data)
    const captures = listOf(OfflineCapture, data.captures)
    const key = input.context?.idempotency_key ?? null
    if (key && captures.some((capture) => capture.id === key)) return { data }
    const status = readStatus(data)
    if (status === "canceled") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, PAYMENT_MESSAGES.payment_canceled)
    const extra = this.captureCheck(data)
    const capturedAt = this.now()
    return {
      data: {
        ...data,
        ...extra,
        status: "captured",
        captured_at: typeof data.captured_at === "string" ? data.captured_at : capturedAt,
        captures: [...captures, { id: key, captured_at: capturedAt }],
      },
    }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = asRecord(input.data)
    const refunds = listOf(OfflineRefund, data.refunds)
    const key = input.context?.idempotency_key ?? null
    if (key && refunds.some((refund) => refund.id === key)) return { data }
    if (readStatus(data) !== "captured") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, PAYMENT_MESSAGES.refund_not_captured)

    const requested = toFen(input.amount)
    const captured = toFen(typeof data.captured_amount === "number" ? data.captured_amount : Number(data.amount ?? 0))
    const refunded = refunds.reduce((sum, refund) => sum + toFen(refund.amount), 0)
    if (requested <= 0 || requested > captured - refunded) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_MESSAGES.refund_exceeds_captured(requested, Math.max(0, captured - refunded)))
    }
    return {
      data: { ...data, refunds: [...refunds, { id: key, amount: fenToYuan(requested), refunded_at: this.now() }] },
    }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = asRecord(input.data)
    const status = readStatus(data)
    if (status === "canceled") return { data }
    if (status === "captured") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, PAYMENT_MESSAGES.cancel_captured)
    return { data: { ...data, status: "canceled", canceled_at: this.now() } }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: asRecord(input.data) }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: asRecord(input.data) }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = asRecord(input.data)
    return { data, status: SESSION_STATUS[readStatus(data)] }
  }

  /** Offline methods have no payment service calling back. */
  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

/** Trims a string input; anything else (or only spaces) is undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined
  const trimmed = value.trim()
  return trimmed ? trimmed : undefined
}
