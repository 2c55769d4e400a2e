import { z } from "@medusajs/framework/zod"

/**
 * What the offline providers keep in a payment session's / payment's `data`. Medusa merges the
 * buyer's session input into `data`, so authorizePayment rebuilds it from these fields only:
 * nothing a buyer sends (a fake `receipt`, say) survives into the payment.
 */
export type OfflineStatus = "pending" | "authorized" | "captured" | "canceled"

export const BankAccount = z.object({
  /** 户名 */
  account_name: z.string().trim().min(1),
  /** 开户行 */
  bank_name: z.string().trim().min(1),
  /** 账号 */
  account_number: z.string().trim().min(1),
})
export type BankAccount = z.infer<typeof BankAccount>

/** The operator's record of the money arriving: one bank statement line. */
export const BankTransferReceiptData = z.object({
  receipt_id: z.string().min(1),
  statement_line: z.string().min(1),
  /** Yuan, as on the statement. */
  amount: z.number().positive(),
  currency_code: z.string().min(1),
  received_at: z.string().min(1),
  payer_name: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  recorded_by: z.string().nullable().optional(),
  recorded_at: z.string().min(1),
})
export type BankTransferReceiptData = z.infer<typeof BankTransferReceiptData>

export const OfflineCapture = z.object({ id: z.string().nullable(), captured_at: z.string() })
export type OfflineCapture = z.infer<typeof OfflineCapture>

export const OfflineRefund = z.object({ id: z.string().nullable(), amount: z.number(), refunded_at: z.string() })
export type OfflineRefund = z.infer<typeof OfflineRefund>

/** Fields every offline provider keeps. Amounts are yuan, as Medusa stores them. */
export interface OfflinePaymentData extends Record<string, unknown> {
  method: "bank_transfer" | "official_card" | "pay_on_acceptance"
  status: OfflineStatus
  amount: number
  currency_code: string
  session_id?: string | null
  /** The signed-in buyer who chose the method (Medusa's payment context), checked again at checkout. */
  customer_id?: string
  authorized_at?: string
  captured_at?: string
  /** What was captured, when the provider knows it exactly (bank transfer: the receipt's amount). */
  captured_amount?: number
  captures?: OfflineCapture[]
  canceled_at?: string
  refunds?: OfflineRefund[]
}

export interface BankTransferData extends OfflinePaymentData {
  method: "bank_transfer"
  /** 付款编号, GWC-YYYYMMDD-XXXXXX */
  reference: string
  bank_account: BankAccount
  /** Pay by (authorised orders only). */
  due_at?: string
  receipt?: BankTransferReceiptData
}

export interface OfficialCardData extends OfflinePaymentData {
  method: "official_card"
  holder_name?: string
  last4?: string
  auth_code?: string
}

export interface PayOnAcceptanceData extends OfflinePaymentData {
  method: "pay_on_acceptance"
  /** N: days after acceptance (验收) within which the organisation pays; fixed when the order is placed. */
  payment_terms_days: number
  /** Set when the order is accepted (order.accepted). */
  accepted_at?: string | null
  acceptance_id?: string | null
  /** accepted_at + payment_terms_days; null until the order is accepted. */
  due_at?: string | null
  /** Set by the overdue job when due_at passed without a capture. */
  overdue?: boolean
  overdue_flagged_at?: string
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

export function listOf<T>(schema: z.ZodType<T>, value: unknown): T[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

export function readStatus(data: Record<string, unknown>): OfflineStatus {
  const status = data.status
  return status === "authorized" || status === "captured" || status === "canceled" ? status : "pending"
}
