// The order receipt PDF (订单收据) on the shared stack: downloaded by the buyer from the store
// API and through the storefront, parsed back with pdf.js (unpdf) to prove the Chinese text is
// real text in an embedded font, and refused to everyone else.

import { extractText, getDocumentProxy } from "unpdf"
import { beforeAll, describe, expect, it } from "vitest"
import { admin, backendUrl } from "../support/http"
import { COMPANY_INVOICE, placeOrder, registerCustomer, type TestCustomer } from "../support/orders"
import { BANK_TRANSFER, OFFICIAL_CARD, orderPaidWith, orderPayment, PUBLIC_BUYERS_GROUP, setGroupMembership } from "../support/payments"
import { testStack } from "../support/stack"

interface Download {
  status: number
  headers: Headers
  body: Buffer
}

/** GET /store/orders/:id/receipt as the customer (or anonymously), bytes kept as they came. */
async function receipt(customer: TestCustomer | null, orderId: string, query = ""): Promise<Download> {
  const headers: Record<string, string> = { "x-publishable-api-key": testStack().facts.publishable_keys.online.token }
  if (customer) headers.authorization = `Bearer ${customer.token}`
  const response = await fetch(backendUrl(`/store/orders/${orderId}/receipt${query}`), { headers })
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) }
}

const json = (download: Download) => JSON.parse(download.body.toString("utf8"))

async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  return (await extractText(document, { mergePages: true })).text
}

/** Table cells wrap long titles onto several lines; compare without the whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, "")

const cny = (amount: number, locale = "zh-CN") => new Intl.NumberFormat(locale, { style: "currency", currency: "CNY" }).format(amount)

interface AdminOrder {
  id: string
  display_id: number
  total: number
  shipping_total: number
  tax_total: number
  credit_line_total: number
  items: { product_title: string; variant_title: string | null; quantity: number; unit_price: number; total: number }[]
  shipping_methods: { name: string }[]
}

let buyer: TestCustomer
let stranger: TestCustomer
let order: AdminOrder
let refunded: number
let paidAmount: number
let zh: Download
let zhText: string

beforeAll(async () => {
  buyer = await registerCustomer("receipt-buyer")
  stranger = await registerCustomer("receipt-stranger")
  const placed = await placeOrder(buyer, { quantity: 2 })
  // Paid, then part of it refunded by the operator: both show on the receipt.
  const payment = await orderPayment(placed.order.id)
  paidAmount = Number(payment.amount)
  expect((await admin(`/admin/payments/${payment.id}/capture`, { method: "POST", body: "{}" })).status).toBe(200)
  refunded = 1.5
  const refund = await admin(`/admin/payments/${payment.id}/refund`, {
    method: "POST",
    body: JSON.stringify({ amount: refunded, note: "包装破损补偿" }),
  })
  expect(refund.status, JSON.stringify(refund.body)).toBe(200)
  // Medusa records the refund as a credit line, and the order's total is net of it.
  const fields = "id,display_id,total,shipping_total,tax_total,credit_line_total,*items,*shipping_methods"
  const response = await admin(`/admin/orders/${placed.order.id}?fields=${fields}`)
  if (response.status !== 200) throw new Error(`admin get order: ${response.status} ${JSON.stringify(response.body)}`)
  order = response.body.order
  zh = await receipt(buyer, order.id)
  zhText = zh.status === 200 ? await pdfText(zh.body) : ""
})

describe("GET /store/orders/:id/receipt", () => {
  it("downloads the buyer's receipt as a PDF attachment named after the order number", () => {
    expect(zh.status, zh.body.toString("utf8").slice(0, 300)).toBe(200)
    expect(zh.headers.get("content-type")).toBe("application/pdf")
    expect(zh.headers.get("content-disposition")).toBe(
      `attachment; filename="receipt-${order.display_id}.pdf"; filename*=UTF-8''receipt-${order.display_id}.pdf`
    )
    expect(zh.headers.get("cache-control")).toBe("private, no-store")
    expect(Number(zh.headers.get("content-length"))).toBe(zh.body.length)
    expect(zh.body.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    // Only the glyphs used are embedded: tens of KB, not the font's 10 MB.
    expect(zh.body.length).toBeLessThan(150_000)
  })

  it("embeds Noto Sans SC as a TrueType subset with a Unicode map", () => {
    const raw = zh.body.toString("latin1")
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/)
    expect(raw).toContain("/FontFile2")
    expect(raw).toContain("/ToUnicode")
    expect(raw).toContain("/Lang (zh-CN)")
  })

  it("carries the Chinese text as extractable text: platform, order, buyer, invoice, items and amounts", () => {
    const text = squeeze(zhText)
    for (const expected of [
      "现代公物仓",
      "订单收据",
      `订单号#${order.display_id}`,
      "下单时间",
      "采购人买家测试",
      buyer.email,
      "发票信息",
      "发票类型单位",
      `发票抬头${COMPANY_INVOICE.title}`,
      `税号${COMPANY_INVOICE.tax_id}`,
      "商品明细",
      "生成时间",
    ]) {
      expect(text, expected).toContain(squeeze(expected))
    }
    for (const item of order.items) {
      expect(text).toContain(squeeze(item.product_title))
      if (item.variant_title) expect(text).toContain(squeeze(item.variant_title))
      expect(text).toContain(`${cny(item.unit_price)}${cny(item.total)}`)
    }
    expect(text).toContain(squeeze(`运费（${order.shipping_methods[0].name}）${cny(order.shipping_total)}`))
    expect(order.credit_line_total).toBe(refunded)
    expect(text).toContain(`退款及抵扣${cny(-refunded)}`)
    expect(text).toContain(`其中税额${cny(order.tax_total)}`)
    expect(text).toContain(`订单总额${cny(order.total)}`)
    expect(order.total).toBeCloseTo(paidAmount - refunded, 2)
    expect(text).toMatch(/¥[\d,]+\.\d{2}/)
  })

  it("states the payment method and status, and the refund", () => {
    const text = squeeze(zhText)
    expect(text).toContain("付款状态部分退款")
    expect(text).toContain(squeeze(`线下支付（到账后确认） · 已收款，有退款 ${cny(paidAmount)}`))
    expect(text).toContain("收款时间")
    expect(text).toContain("退款记录")
    expect(text).toContain(`包装破损补偿${cny(refunded)}`)
    expect(text).toContain(`退款合计${cny(refunded)}`)
  })

  it("is the same Chinese receipt with ?lang=zh and an English one with ?lang=en", async () => {
    const explicit = await receipt(buyer, order.id, "?lang=zh")
    expect(explicit.status).toBe(200)
    expect(squeeze(await pdfText(explicit.body))).toContain("订单收据")

    const en = await receipt(buyer, order.id, "?lang=en")
    expect(en.status).toBe(200)
    expect(en.headers.get("content-disposition")).toContain(`filename="receipt-${order.display_id}.pdf"`)
    expect(en.body.toString("latin1")).toContain("/Lang (en)")
    const text = await pdfText(en.body)
    for (const expected of [
      "Order receipt",
      "现代公物仓",
      "Gongwucang — Modern Public Property Warehouse",
      `Order number #${order.display_id}`,
      "Invoice details (fapiao)",
      "Invoice type Organisation",
      `Invoice title ${COMPANY_INVOICE.title}`,
      "Payment status Partially refunded",
      "Offline payment (confirmed on receipt)",
      `Total ${cny(order.total, "en-US")}`,
      "Refunded in total",
      "Generated at",
    ]) {
      expect(text, expected).toContain(expected)
    }
    expect(text).not.toContain("订单收据")
  })

  it("answers a bad lang with a 400 that names the parameter", async () => {
    const bad = await receipt(buyer, order.id, "?lang=fr")
    expect(bad.status).toBe(400)
    expect(json(bad).message).toMatch(/lang: 收据语言须为 zh 或 en \/ lang must be zh or en/)
  })

  it("hides the order from another customer with the same 404 as a missing order", async () => {
    const foreign = await receipt(stranger, order.id)
    expect(foreign.status).toBe(404)
    expect(json(foreign).message).toBe(`订单不存在 / Order ${order.id} was not found`)
    const missing = await receipt(buyer, "order_doesnotexist")
    expect(missing.status).toBe(404)
    expect(json(missing).message).toBe("订单不存在 / Order order_doesnotexist was not found")
  })

  it("asks an anonymous caller to log in with a 401", async () => {
    const anonymous = await receipt(null, order.id)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get("content-type")).not.toBe("application/pdf")
    expect(json(anonymous).message).toBe("Unauthorized")
  })
})

describe("the receipt of an order paid offline names the method's own details", () => {
  beforeAll(async () => {
    await setGroupMembership(buyer, PUBLIC_BUYERS_GROUP, true)
  })

  it("bank transfer (对公转账) with its payment reference", async () => {
    const { order: paid, payment } = await orderPaidWith(buyer, BANK_TRANSFER)
    const download = await receipt(buyer, paid.id)
    expect(download.status).toBe(200)
    const text = squeeze(await pdfText(download.body))
    expect(text).toContain(squeeze(`对公转账 · 待收款 ${cny(Number(payment.amount))}`))
    expect(payment.data.reference).toMatch(/^GWC-\d{8}-/)
    expect(text).toContain(`付款编号${payment.data.reference}`)
    // The platform's bank account is on the checkout page, not on the receipt.
    expect(text).not.toContain(squeeze(payment.data.bank_account.account_number))
  })

  it("official card (公务卡) with the card's last four digits", async () => {
    const { order: paid } = await orderPaidWith(buyer, OFFICIAL_CARD, { holder_name: "王晓明", last4: "6688", auth_code: "A1B2C3" })
    const text = squeeze(await pdfText((await receipt(buyer, paid.id)).body))
    expect(text).toContain("公务卡·待收款")
    expect(text).toContain("持卡人王晓明")
    expect(text).toContain("卡号****6688")
    expect(text).not.toContain("A1B2C3")
  })
})

describe("the storefront's receipt download", () => {
  const url = (path: string) => `${testStack().facts.storefront_url}${path}`
  let cookie: string

  beforeAll(async () => {
    const login = await fetch(url("/account/login"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      body: new URLSearchParams({ email: buyer.email, password: buyer.password }),
      redirect: "manual",
    })
    expect(login.status, await login.text()).toBe(302)
    cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]
    expect(cookie).toMatch(/^gwc_session=/)
  })

  it("links to the receipt from the order page", async () => {
    const page = await fetch(url(`/account/orders/${order.id}`), { headers: { cookie, accept: "text/html" } })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`href="/account/orders/${order.id}/receipt"`)
    expect(html).toContain("下载收据（PDF）")
    expect(html).toContain(`href="/account/orders/${order.id}/receipt?lang=en"`)
  })

  it("offers the receipt on the confirmation page to the logged-in buyer only", async () => {
    const link = `href="/account/orders/${order.id}/receipt"`
    const own = await fetch(url(`/orders/${order.id}/confirmed`), { headers: { cookie, accept: "text/html" } })
    expect(own.status).toBe(200)
    expect(await own.text()).toContain(link)
    const anonymous = await fetch(url(`/orders/${order.id}/confirmed`), { headers: { accept: "text/html" } })
    expect(await anonymous.text()).not.toContain(link)
  })

  it("streams the logged-in buyer's receipt from the backend", async () => {
    const response = await fetch(url(`/account/orders/${order.id}/receipt`), { headers: { cookie }, redirect: "manual" })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("application/pdf")
    expect(response.headers.get("content-disposition")).toContain(`filename="receipt-${order.display_id}.pdf"`)
    const text = squeeze(await pdfText(Buffer.from(await response.arrayBuffer())))
    expect(text).toContain("现代公物仓")
    expect(text).toContain(squeeze(COMPANY_INVOICE.title))

    const english = await fetch(url(`/account/orders/${order.id}/receipt?lang=en`), { headers: { cookie }, redirect: "manual" })
    expect(english.status).toBe(200)
    expect(await pdfText(Buffer.from(await english.arrayBuffer()))).toContain("Order receipt")
  })

  it("sends a visitor to the login page and answers another buyer's order with a 404", async () => {
    const anonymous = await fetch(url(`/account/orders/${order.id}/receipt`), { redirect: "manual" })
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get("location")).toBe(`/account/login?redirectTo=${encodeURIComponent(`/account/orders/${order.id}/receipt`)}`)

    const { order: strangersOrder } = await placeOrder(stranger)
    const foreign = await fetch(url(`/account/orders/${strangersOrder.id}/receipt`), { headers: { cookie }, redirect: "manual" })
    expect(foreign.status).toBe(404)
    expect(foreign.headers.get("content-type")).not.toBe("application/pdf")
  })
})
