// The order receipt (订单收据): what it says, in Chinese or English, as plain strings. Pure
// functions over the order as read from Medusa (see the load-order-receipt step), so wording,
// money and dates are unit-testable without drawing a PDF (lib/receipt-pdf draws this view).

import type { InvoiceDetails } from "./invoice"

export const RECEIPT_LANGUAGES = ["zh-CN", "en"] as const
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number]

/** What `?lang=` accepts; `zh` is short for zh-CN, the default. */
export const RECEIPT_LANG_PARAMS = ["zh", "zh-CN", "en"] as const
export type ReceiptLangParam = (typeof RECEIPT_LANG_PARAMS)[number]

export function receiptLanguage(param: string | null | undefined): ReceiptLanguage {
  return param === "en" ? "en" : "zh-CN"
}

type Time = Date | string | null | undefined

export interface ReceiptRefund {
  amount: number
  created_at: Time
  note?: string | null
}

export interface ReceiptPayment {
  provider_id: string
  amount: number
  currency_code: string
  created_at?: Time
  captured_at?: Time
  canceled_at?: Time
  /** The provider's data: reference (对公转账), last4 and holder_name (公务卡), due_at, payment_terms_days (验收后付款), id (Stripe). */
  data?: Record<string, unknown> | null
  refunds: ReceiptRefund[]
}

export interface ReceiptItem {
  title: string
  variant_title?: string | null
  quantity: number
  unit_price: number
  total: number
}

export interface ReceiptAddress {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  phone?: string | null
}

/** The order as the receipt reads it (plain data, so it can travel through a workflow). */
export interface ReceiptOrder {
  id: string
  display_id: number | null
  status: string
  created_at: Time
  canceled_at?: Time
  email?: string | null
  currency_code: string
  customer: { first_name?: string | null; last_name?: string | null; email?: string | null; phone?: string | null } | null
  shipping_address: ReceiptAddress | null
  invoice: InvoiceDetails | null
  items: ReceiptItem[]
  shipping_methods: { name: string; total: number }[]
  item_total: number
  shipping_total: number
  discount_total: number
  /**
   * Medusa's credit lines: a refund beyond what the order owes adds one, and Medusa's `total`
   * is net of them (what the order comes to after refunds).
   */
  credit_line_total?: number
  tax_total: number
  total: number
  /** Medusa's aggregate payment status (not_paid, authorized, captured, refunded, …). */
  payment_status: string
  payments: ReceiptPayment[]
}

/** A label and its value, one line of a facts block. */
export interface ReceiptFact {
  label: string
  value: string
}

export interface ReceiptPaymentView {
  method: string
  status: string
  amount: string
  details: ReceiptFact[]
}

export interface ReceiptRefundView {
  at: string
  amount: string
  note: string
}

/** Everything the PDF shows, already worded and formatted. */
export interface ReceiptView {
  lang: ReceiptLanguage
  filename: string
  /** Document title (PDF metadata). */
  document_title: string
  platform_name: string
  platform_name_secondary: string
  title: string
  order_number: string
  headings: { order: string; buyer: string; invoice: string; items: string; payment: string; refunds: string }
  order: ReceiptFact[]
  buyer: ReceiptFact[]
  invoice: ReceiptFact[]
  no_invoice: string
  item_columns: [string, string, string, string, string]
  items: { title: string; variant: string; quantity: string; unit_price: string; total: string }[]
  totals: ReceiptFact[]
  grand_total: ReceiptFact
  payment_status: ReceiptFact
  payments: ReceiptPaymentView[]
  no_payment: string
  refunds: ReceiptRefundView[]
  refund_total: ReceiptFact | null
  generated_at: ReceiptFact
  notice: string
}

type Words = { "zh-CN": string; en: string }
const w = (zh: string, en: string): Words => ({ "zh-CN": zh, en })

const LABELS = {
  title: w("订单收据", "Order receipt"),
  orderNumber: w("订单号", "Order number"),
  orderDate: w("下单时间", "Order date"),
  orderStatus: w("订单状态", "Order status"),
  orderHeading: w("订单信息", "Order"),
  buyerHeading: w("买家", "Buyer"),
  buyerName: w("采购人", "Name"),
  email: w("邮箱", "Email"),
  phone: w("电话", "Phone"),
  shipTo: w("收货地址", "Ship to"),
  invoiceHeading: w("发票信息", "Invoice details (fapiao)"),
  invoiceType: w("发票类型", "Invoice type"),
  invoiceTitle: w("发票抬头", "Invoice title"),
  taxId: w("税号", "Tax number"),
  invoiceEmail: w("接收邮箱", "Invoice email"),
  invoiceAddress: w("注册地址", "Registered address"),
  invoicePhone: w("注册电话", "Registered phone"),
  bankName: w("开户银行", "Bank"),
  bankAccount: w("银行账号", "Bank account"),
  noInvoice: w("未填写发票信息", "No invoice details were given"),
  itemsHeading: w("商品明细", "Items"),
  item: w("商品", "Item"),
  variant: w("规格", "Variant"),
  quantity: w("数量", "Qty"),
  unitPrice: w("单价", "Unit price"),
  lineTotal: w("小计", "Line total"),
  subtotal: w("商品金额", "Subtotal"),
  shipping: w("运费", "Shipping"),
  discount: w("优惠", "Discount"),
  credits: w("退款及抵扣", "Refunds and credits"),
  tax: w("其中税额", "Of which tax"),
  total: w("订单总额", "Total"),
  paymentHeading: w("支付信息", "Payment"),
  paymentStatus: w("付款状态", "Payment status"),
  noPayment: w("暂无付款记录", "No payment recorded"),
  reference: w("付款编号", "Payment reference"),
  receivedAt: w("到账日期", "Received on"),
  payBy: w("付款期限", "Pay by"),
  payTerms: w("付款条件", "Terms"),
  cardHolder: w("持卡人", "Card holder"),
  cardNumber: w("卡号", "Card number"),
  transaction: w("交易号", "Transaction"),
  capturedAt: w("收款时间", "Paid at"),
  canceledAt: w("取消时间", "Cancelled at"),
  refundsHeading: w("退款记录", "Refunds"),
  refundTotal: w("退款合计", "Refunded in total"),
  generatedAt: w("生成时间", "Generated at"),
  notice: w(
    "本收据仅为订单与付款凭证，不作为增值税发票；发票按上述发票信息另行开具。",
    "This receipt records the order and its payment. It is not a VAT invoice (fapiao); the fapiao is issued separately to the invoice details above."
  ),
}

const INVOICE_TYPES: Record<string, Words> = {
  company: w("单位", "Organisation"),
  personal: w("个人", "Personal"),
}

const ORDER_STATUSES: Record<string, Words> = {
  pending: w("处理中", "In progress"),
  completed: w("已完成", "Completed"),
  canceled: w("已取消", "Cancelled"),
  archived: w("已归档", "Archived"),
  requires_action: w("待处理", "Requires action"),
  draft: w("草稿", "Draft"),
}

const PAYMENT_STATUSES: Record<string, Words> = {
  not_paid: w("未付款", "Not paid"),
  awaiting: w("待付款", "Awaiting payment"),
  authorized: w("已授权，待收款", "Authorised, awaiting capture"),
  partially_authorized: w("部分授权", "Partially authorised"),
  captured: w("已付款", "Paid"),
  partially_captured: w("部分付款", "Partially paid"),
  partially_refunded: w("部分退款", "Partially refunded"),
  refunded: w("已退款", "Refunded"),
  canceled: w("已取消", "Cancelled"),
  requires_action: w("待买家操作", "Action required"),
}

/** The payment methods by provider id (the same names the checkout shows). */
export function paymentMethodLabel(providerId: string): Words {
  if (providerId === "pp_bank-transfer_offline") return w("对公转账", "Bank transfer")
  if (providerId === "pp_official-card_offline") return w("公务卡", "Official card")
  if (providerId === "pp_pay-on-acceptance_offline") return w("验收后付款", "Pay on acceptance")
  if (providerId === "pp_system_default") return w("线下支付（到账后确认）", "Offline payment (confirmed on receipt)")
  if (providerId.startsWith("pp_stripe-alipay_")) return w("支付宝", "Alipay")
  if (providerId.startsWith("pp_stripe-wechatpay_")) return w("微信支付", "WeChat Pay")
  if (providerId.startsWith("pp_stripe_")) return w("银行卡", "Bank card")
  return w(providerId, providerId)
}

const moneyFormats = new Map<string, Intl.NumberFormat>()

/** ¥1,234.50 in Chinese, CN¥1,234.50 in English (Intl's currency formats). */
export function formatReceiptMoney(amount: number, currencyCode: string, lang: ReceiptLanguage): string {
  const key = `${lang}:${currencyCode}`
  let format = moneyFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(lang === "en" ? "en-US" : "zh-CN", { style: "currency", currency: currencyCode.toUpperCase() })
    moneyFormats.set(key, format)
  }
  return format.format(Number(amount))
}

/** 2026/11/22 09:30 (GMT+8) or 22/11/2026, 09:30 (GMT+8), on the platform's time zone. */
export function formatReceiptTime(value: Time, lang: ReceiptLanguage, timeZone: string, withTime = true): string {
  if (!value) return "—"
  const at = new Date(value)
  const locale = lang === "en" ? "en-GB" : "zh-CN"
  const text = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" as const } : {}),
  }).format(at)
  if (!withTime) return text
  const offset = new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value
  // ICU spells UTC itself "GMT" or "GMT+0" depending on its version.
  return offset ? `${text} (${/^GMT(\+0)?$/.test(offset) ? "UTC" : offset})` : text
}

/** Chinese names family name first and unspaced (王晓明) in either language; others "Anna Li" in English. */
function personName(person: { first_name?: string | null; last_name?: string | null } | null | undefined, lang: ReceiptLanguage): string {
  const first = person?.first_name?.trim() ?? ""
  const last = person?.last_name?.trim() ?? ""
  if (/\p{Script=Han}/u.test(first + last)) return `${last}${first}`
  return lang === "en" ? [first, last].filter(Boolean).join(" ") : [last, first].filter(Boolean).join(" ")
}

function addressLine(address: ReceiptAddress): string {
  const parts = [address.province, address.city, address.address_1, address.address_2].map((part) => part?.trim()).filter(Boolean)
  const line = parts.join(" ")
  return address.postal_code ? `${line} ${address.postal_code}` : line
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : typeof value === "number" ? String(value) : null
}

export interface ReceiptContext {
  lang: ReceiptLanguage
  /** The platform's time zone (Asia/Shanghai unless configured). */
  timeZone: string
  generatedAt: Date | string
  platformName: { "zh-CN": string; en: string }
}

export function receiptFilename(order: Pick<ReceiptOrder, "id" | "display_id">): string {
  return `receipt-${order.display_id ?? order.id}.pdf`
}

/** The receipt's text for the order, in the requested language. */
export function buildReceiptView(order: ReceiptOrder, context: ReceiptContext): ReceiptView {
  const { lang, timeZone } = context
  const t = (words: Words) => words[lang]
  const money = (amount: number) => formatReceiptMoney(amount, order.currency_code, lang)
  const time = (value: Time) => formatReceiptTime(value, lang, timeZone)
  const fact = (label: Words, value: string): ReceiptFact => ({ label: t(label), value })
  const orderNumber = `#${order.display_id ?? order.id}`

  const orderFacts = [
    fact(LABELS.orderNumber, orderNumber),
    fact(LABELS.orderDate, time(order.created_at)),
    fact(LABELS.orderStatus, ORDER_STATUSES[order.status] ? t(ORDER_STATUSES[order.status]) : order.status),
  ]

  const address = order.shipping_address
  const buyerName = personName(order.customer, lang) || (address ? personName(address, lang) : "")
  const buyer = [
    ...(buyerName ? [fact(LABELS.buyerName, buyerName)] : []),
    ...(text(order.customer?.email ?? order.email) ? [fact(LABELS.email, text(order.customer?.email ?? order.email)!)] : []),
    ...(text(order.customer?.phone ?? address?.phone) ? [fact(LABELS.phone, text(order.customer?.phone ?? address?.phone)!)] : []),
    ...(address && addressLine(address)
      ? [fact(LABELS.shipTo, [personName(address, lang), addressLine(address)].filter(Boolean).join(lang === "en" ? ", " : "，"))]
      : []),
  ]

  const invoice = order.invoice
  const invoiceFacts = invoice
    ? [
        fact(LABELS.invoiceType, INVOICE_TYPES[invoice.type] ? t(INVOICE_TYPES[invoice.type]) : invoice.type),
        fact(LABELS.invoiceTitle, invoice.title),
        ...(
          [
            ["tax_id", LABELS.taxId],
            ["email", LABELS.invoiceEmail],
            ["address", LABELS.invoiceAddress],
            ["phone", LABELS.invoicePhone],
            ["bank_name", LABELS.bankName],
            ["bank_account", LABELS.bankAccount],
          ] as const
        ).flatMap(([key, label]) => (text(invoice[key]) ? [fact(label, text(invoice[key])!)] : [])),
      ]
    : []

  const shippingNames = order.shipping_methods.map((method) => method.name).filter(Boolean)
  const totals = [
    fact(LABELS.subtotal, money(order.item_total)),
    {
      label: !shippingNames.length
        ? t(LABELS.shipping)
        : lang === "en"
          ? `${t(LABELS.shipping)} (${shippingNames.join(", ")})`
          : `${t(LABELS.shipping)}（${shippingNames.join("、")}）`,
      value: money(order.shipping_total),
    },
    ...(Number(order.discount_total) > 0 ? [fact(LABELS.discount, money(-Number(order.discount_total)))] : []),
    ...(Number(order.credit_line_total ?? 0) > 0 ? [fact(LABELS.credits, money(-Number(order.credit_line_total)))] : []),
    fact(LABELS.tax, money(order.tax_total)),
  ]

  const refunds: (ReceiptRefundView & { sortKey: number; value: number })[] = []
  const payments = order.payments.map((payment): ReceiptPaymentView => {
    const data = payment.data ?? {}
    const details: ReceiptFact[] = []
    const method = payment.provider_id
    if (method === "pp_bank-transfer_offline") {
      if (text(data.reference)) details.push(fact(LABELS.reference, text(data.reference)!))
      const received = text((data.receipt as Record<string, unknown> | undefined)?.received_at)
      if (received) details.push(fact(LABELS.receivedAt, formatReceiptTime(received, lang, timeZone, false)))
      else if (!payment.captured_at && !payment.canceled_at && text(data.due_at)) details.push(fact(LABELS.payBy, formatReceiptTime(text(data.due_at), lang, timeZone, false)))
    } else if (method === "pp_official-card_offline") {
      if (text(data.holder_name)) details.push(fact(LABELS.cardHolder, text(data.holder_name)!))
      if (text(data.last4)) details.push(fact(LABELS.cardNumber, `**** ${text(data.last4)}`))
    } else if (method === "pp_pay-on-acceptance_offline") {
      const days = Number(data.payment_terms_days)
      if (Number.isInteger(days) && days > 0) {
        details.push(fact(LABELS.payTerms, lang === "en" ? `within ${days} days of acceptance` : `验收后 ${days} 天内付款`))
      }
      if (!payment.captured_at && !payment.canceled_at && text(data.due_at)) details.push(fact(LABELS.payBy, formatReceiptTime(text(data.due_at), lang, timeZone, false)))
    } else if (method.startsWith("pp_stripe")) {
      if (text(data.id)) details.push(fact(LABELS.transaction, text(data.id)!))
    }
    if (payment.captured_at) details.push(fact(LABELS.capturedAt, time(payment.captured_at)))
    if (payment.canceled_at) details.push(fact(LABELS.canceledAt, time(payment.canceled_at)))

    for (const refund of payment.refunds) {
      refunds.push({
        at: time(refund.created_at),
        amount: money(refund.amount),
        note: refund.note?.trim() ?? "",
        sortKey: refund.created_at ? new Date(refund.created_at).getTime() : 0,
        value: Number(refund.amount),
      })
    }

    const status = payment.canceled_at
      ? w("已取消", "Cancelled")
      : payment.refunds.length && payment.captured_at
        ? w("已收款，有退款", "Paid, refunded in part or in full")
        : payment.captured_at
          ? w("已收款", "Paid")
          : w("待收款", "Awaiting payment")
    return { method: t(paymentMethodLabel(method)), status: t(status), amount: money(payment.amount), details }
  })

  refunds.sort((a, b) => a.sortKey - b.sortKey)
  const refundTotal = refunds.reduce((sum, refund) => sum + refund.value, 0)

  return {
    lang,
    filename: receiptFilename(order),
    document_title: `${t(LABELS.title)} ${orderNumber} · ${context.platformName["zh-CN"]}`,
    platform_name: context.platformName["zh-CN"],
    platform_name_secondary: context.platformName.en,
    title: t(LABELS.title),
    order_number: orderNumber,
    headings: {
      order: t(LABELS.orderHeading),
      buyer: t(LABELS.buyerHeading),
      invoice: t(LABELS.invoiceHeading),
      items: t(LABELS.itemsHeading),
      payment: t(LABELS.paymentHeading),
      refunds: t(LABELS.refundsHeading),
    },
    order: orderFacts,
    buyer,
    invoice: invoiceFacts,
    no_invoice: t(LABELS.noInvoice),
    item_columns: [t(LABELS.item), t(LABELS.variant), t(LABELS.quantity), t(LABELS.unitPrice), t(LABELS.lineTotal)],
    items: order.items.map((item) => ({
      title: item.title,
      variant: item.variant_title?.trim() || "—",
      quantity: String(item.quantity),
      unit_price: money(item.unit_price),
      total: money(item.total),
    })),
    totals,
    grand_total: fact(LABELS.total, money(order.total)),
    payment_status: fact(
      LABELS.paymentStatus,
      PAYMENT_STATUSES[order.payment_status] ? t(PAYMENT_STATUSES[order.payment_status]) : order.payment_status
    ),
    payments,
    no_payment: t(LABELS.noPayment),
    refunds: refunds.map(({ at, amount, note }) => ({ at, amount, note })),
    refund_total: refunds.length ? fact(LABELS.refundTotal, money(refundTotal)) : null,
    generated_at: fact(LABELS.generatedAt, time(context.generatedAt)),
    notice: t(LABELS.notice),
  }
}
