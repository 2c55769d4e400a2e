import { formatCny } from "./money"
import { providerLabel } from "./providers"

/**
 * What buyers and operators read when a payment step is refused: Chinese first, then English,
 * as elsewhere on the platform ("中文 / English").
 */
export const PAYMENT_MESSAGES = {
  // 公务卡 — official card
  card_invalid: (details: string) => `公务卡信息有误 / invalid official card details: ${details}`,
  card_holder_required: "请填写持卡人姓名 / the card holder's name is required",
  card_holder_too_long: "持卡人姓名不超过 50 个字 / the card holder's name is at most 50 characters",
  card_last4: "卡号末四位须为 4 位数字 / last4 must be exactly 4 digits",
  card_auth_code: "授权码须为 6 位字母或数字 / the authorisation code must be 6 letters or digits",

  // 对公转账 — bank transfer
  transfer_cny_only: (currency: string) =>
    `对公转账仅支持人民币，本单币种为 ${currency.toUpperCase()} / bank transfer is available for CNY only, not ${currency.toUpperCase()}`,
  transfer_incomplete_session: "对公转账缺少付款编号或收款账户，请重新选择支付方式 / the bank transfer has no payment reference or account; choose the payment method again",
  transfer_capture_needs_receipt:
    "对公转账须核对银行流水后确认到账（POST /admin/payments/:id/bank-transfer/received） / a bank transfer is captured by marking it received against a bank statement line",
  transfer_not_this_provider: (provider: string) =>
    `该付款不是对公转账（支付方式 ${provider}） / this payment was not made by bank transfer (provider ${provider})`,
  transfer_amount_mismatch: (received: number, expected: number) =>
    `到账金额 ${formatCny(received)} 与应付金额 ${formatCny(expected)} 不符 / the amount received (${formatCny(received)}) does not match the amount due (${formatCny(expected)})`,
  transfer_already_received: (statementLine: string) =>
    `该付款已确认到账（银行流水 ${statementLine}） / this payment has already been marked received (statement line ${statementLine})`,
  transfer_already_captured: "该付款已收款 / this payment has already been captured",
  transfer_canceled: "该付款已取消，不能确认到账；如已收到款项请原路退回 / this payment was cancelled and cannot be marked received; return any money received",
  transfer_statement_line_used: (statementLine: string, reference: string) =>
    `银行流水 ${statementLine} 已核销到付款编号 ${reference} / statement line ${statementLine} is already matched to payment ${reference}`,
  transfer_reference_mismatch: (quoted: string, actual: string) =>
    `流水附言中的付款编号 ${quoted} 与该付款的编号 ${actual} 不符 / the statement line quotes reference ${quoted}, but this payment's is ${actual}`,
  transfer_received_in_future: "到账日期不能晚于今天 / received_at cannot be in the future",
  payment_not_found: (id: string) => `未找到付款 ${id} / payment ${id} not found`,
  reference_not_found: (reference: string) => `未找到付款编号为 ${reference} 的对公转账 / no bank transfer has the reference ${reference}`,

  // 验收后付款 — pay on acceptance
  acceptance_terms_invalid: "验收后付款天数须为 1 至 365 的整数 / the pay-on-acceptance term must be a whole number of days from 1 to 365",

  // who may use which method (customer groups)
  method_needs_sign_in: (providerId: string) =>
    `${providerLabel(providerId).zh}仅向已登录的采购单位开放，请先登录 / ${providerLabel(providerId).en} is only for signed-in buyers; sign in first`,
  method_not_allowed: (providerId: string) =>
    `您的账户未开通${providerLabel(providerId).zh}，请选择其他支付方式或联系平台开通 / your account may not use ${providerLabel(providerId).en}; choose another method or ask the platform to enable it`,
  method_not_your_cart: (providerId: string) =>
    `只能为自己的订单选择${providerLabel(providerId).zh} / only the buyer the cart belongs to can choose ${providerLabel(providerId).en}`,
  method_chosen_by_other: (providerId: string) =>
    `${providerLabel(providerId).zh}须由下单的采购人本人选择，请重新选择支付方式 / ${providerLabel(providerId).en} must be chosen by the buyer placing the order; choose the payment method again`,
  payment_collection_not_found: (id: string) => `未找到支付单 ${id} / payment collection ${id} not found`,
  cart_not_found: (id: string) => `未找到购物车 ${id} / cart ${id} not found`,

  // all offline methods
  payment_canceled: "该付款已取消，请重新选择支付方式 / this payment was cancelled; choose the payment method again",
  refund_not_captured: "尚未收款，不能退款；未收款的订单请取消 / nothing has been captured to refund; cancel the payment instead",
  refund_exceeds_captured: (requested: number, refundable: number) =>
    `退款金额 ${formatCny(requested)} 超过可退金额 ${formatCny(refundable)} / the refund (${formatCny(requested)}) exceeds what can still be refunded (${formatCny(refundable)})`,
  cancel_captured: "已收款的付款不能取消，请办理退款 / a captured payment cannot be cancelled; refund it instead",
} as const
