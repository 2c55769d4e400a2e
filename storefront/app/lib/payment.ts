// Payment methods at checkout (plugins/payments): provider ids, what kind of method each is,
// the official card's client-side checks and what the pages show about an order's payment.
// Shared by the server and the browser (no server-only imports here).

/** 对公转账 */
export const BANK_TRANSFER = "pp_bank-transfer_offline"
/** 公务卡 */
export const OFFICIAL_CARD = "pp_official-card_offline"
/** 验收后付款 */
export const PAY_ON_ACCEPTANCE = "pp_pay-on-acceptance_offline"
/** Medusa's manual provider (offline payment confirmed by the operator). */
export const SYSTEM_DEFAULT = "pp_system_default"

export type MethodKind = "bank_transfer" | "official_card" | "pay_on_acceptance" | "manual" | "alipay" | "wechat_pay" | "card" | "other"

/** The kind of a provider id; Stripe's are `pp_stripe_<id>`, `pp_stripe-alipay_<id>`, `pp_stripe-wechatpay_<id>`. */
export function methodKind(providerId: string): MethodKind {
  if (providerId === BANK_TRANSFER) return "bank_transfer"
  if (providerId === OFFICIAL_CARD) return "official_card"
  if (providerId === PAY_ON_ACCEPTANCE) return "pay_on_acceptance"
  if (providerId === SYSTEM_DEFAULT) return "manual"
  if (providerId.startsWith("pp_stripe-alipay_")) return "alipay"
  if (providerId.startsWith("pp_stripe-wechatpay_")) return "wechat_pay"
  if (providerId.startsWith("pp_stripe_")) return "card"
  return "other"
}

/** The order the checkout lists methods in (the first is preselected). */
export const KIND_ORDER: MethodKind[] = ["bank_transfer", "official_card", "pay_on_acceptance", "manual", "alipay", "wechat_pay", "card", "other"]

export interface PaymentMethod {
  id: string
  kind: MethodKind
  /** The backend's labels, for methods the storefront has no strings for. */
  labelZh: string | null
  labelEn: string | null
}

export type CardField = "card_holder_name" | "card_last4" | "card_auth_code"
export type CardErrors = Partial<Record<CardField, string>>
export type CardProblem = "holderRequired" | "holderTooLong" | "last4" | "authCode"

/**
 * The official card's format checks (the same rules as the backend's; the backend stays the
 * authority and its refusal is shown at the fields too).
 */
export function cardProblems(input: { holder: string; last4: string; authCode: string }): Partial<Record<CardField, CardProblem>> {
  const problems: Partial<Record<CardField, CardProblem>> = {}
  const holder = input.holder.trim()
  if (!holder) problems.card_holder_name = "holderRequired"
  else if ([...holder].length > 50) problems.card_holder_name = "holderTooLong"
  if (!/^\d{4}$/.test(input.last4.trim())) problems.card_last4 = "last4"
  if (!/^[A-Za-z0-9]{6}$/.test(input.authCode.trim())) problems.card_auth_code = "authCode"
  return problems
}

export const CARD_PROBLEM_KEYS: Record<CardProblem, string> = {
  holderRequired: "payment.cardHolderRequired",
  holderTooLong: "payment.cardHolderTooLong",
  last4: "payment.cardLast4Invalid",
  authCode: "payment.cardAuthCodeInvalid",
}

/** What the confirmation and order pages show about an order's payment. */
export interface OrderPaymentView {
  providerId: string
  kind: MethodKind
  amount: number | null
  currency: string
  capturedAt: string | null
  /** 对公转账 */
  reference: string | null
  bankAccount: { accountName: string; bankName: string; accountNumber: string } | null
  dueAt: string | null
  /** 公务卡 */
  holderName: string | null
  last4: string | null
  /** 验收后付款 */
  termsDays: number | null
  acceptedAt: string | null
  overdue: boolean
}
