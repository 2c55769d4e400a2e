// The order receipt's wording and formatting (plugins/orders/src/lib/receipt.ts) and the
// platform's PDF helper with its embedded Chinese font (plugins/platform/src/lib/pdf.ts).
// No database; the PDFs are parsed back with pdf.js (unpdf).

import { extractText, getDocumentProxy } from "unpdf"
import { describe, expect, it } from "vitest"
import {
  buildReceiptView,
  formatReceiptMoney,
  formatReceiptTime,
  paymentMethodLabel,
  receiptLanguage,
  type ReceiptContext,
  type ReceiptOrder,
  type ReceiptPayment,
} from "../../plugins/orders/src/lib/receipt"
import {
  addPageFooters,
  attachmentDisposition,
  CJK_FONT_BOLD,
  createCjkDocument,
  pdfBuffer,
  pdfDownloadHeaders,
  renderCjkPdf,
} from "../../plugins/platform/src/lib/pdf"

const PLATFORM_NAME = { "zh-CN": "现代公物仓", en: "Gongwucang — Modern Public Property Warehouse" }

const context = (lang: ReceiptContext["lang"]): ReceiptContext => ({
  lang,
  timeZone: "Asia/Shanghai",
  generatedAt: "2026-11-26T08:00:00Z",
  platformName: PLATFORM_NAME,
})

const payment = (overrides: Partial<ReceiptPayment>): ReceiptPayment => ({
  provider_id: "pp_system_default",
  amount: 2489,
  currency_code: "cny",
  captured_at: null,
  canceled_at: null,
  data: {},
  refunds: [],
  ...overrides,
})

const order: ReceiptOrder = {
  id: "order_01RECEIPT",
  display_id: 42,
  status: "pending",
  created_at: "2026-11-22T01:30:05Z",
  email: "buyer@example.cn",
  currency_code: "cny",
  customer: { first_name: "晓明", last_name: "王", email: "buyer@example.cn", phone: null },
  shipping_address: { first_name: "晓明", last_name: "王", province: "四川省", city: "成都", address_1: "天府大道北段 966 号", postal_code: "610041", phone: "13800000000" },
  invoice: { type: "company", title: "成都市机关事务管理局", tax_id: "91110108551385082Q", email: "invoice@example.cn" },
  items: [
    { title: "人体工学办公椅", variant_title: "灰色", quantity: 2, unit_price: 1234.5, total: 2469 },
    { title: "A4 复印纸", variant_title: null, quantity: 1, unit_price: 0, total: 0 },
  ],
  shipping_methods: [{ name: "标准配送", total: 20 }],
  item_total: 2469,
  shipping_total: 20,
  discount_total: 0,
  // Medusa turns a refund into a credit line and nets it out of the total.
  credit_line_total: 120.5,
  tax_total: 286.35,
  total: 2368.5,
  payment_status: "partially_refunded",
  payments: [
    payment({
      provider_id: "pp_bank-transfer_offline",
      captured_at: "2026-11-23T02:00:00Z",
      data: { reference: "GWC-20261122-ABCDEF", receipt: { received_at: "2026-11-23" } },
      refunds: [
        { amount: 20, created_at: "2026-11-27T03:00:00Z", note: "运费退回" },
        { amount: 100.5, created_at: "2026-11-25T03:00:00Z", note: "少发一包" },
      ],
    }),
  ],
}

const facts = (list: { label: string; value: string }[]) => Object.fromEntries(list.map((f) => [f.label, f.value]))

describe("order receipt wording", () => {
  it("reads ?lang: zh and zh-CN (and nothing) mean Chinese, en English", () => {
    expect(receiptLanguage(undefined)).toBe("zh-CN")
    expect(receiptLanguage("zh")).toBe("zh-CN")
    expect(receiptLanguage("zh-CN")).toBe("zh-CN")
    expect(receiptLanguage("en")).toBe("en")
  })

  it("formats CNY with Intl and times on the platform's zone", () => {
    expect(formatReceiptMoney(1234.5, "cny", "zh-CN")).toBe("¥1,234.50")
    expect(formatReceiptMoney(1234.5, "cny", "en")).toBe("CN¥1,234.50")
    expect(formatReceiptMoney(0, "cny", "zh-CN")).toBe("¥0.00")
    expect(formatReceiptTime("2026-11-22T16:30:00Z", "zh-CN", "Asia/Shanghai")).toBe("2026/11/23 00:30 (GMT+8)")
    expect(formatReceiptTime("2026-11-22T16:30:00Z", "en", "Asia/Shanghai")).toBe("23/11/2026, 00:30 (GMT+8)")
    expect(formatReceiptTime("2026-11-22T16:30:00Z", "zh-CN", "UTC")).toBe("2026/11/22 16:30 (UTC)")
    expect(formatReceiptTime("2026-11-22T16:30:00Z", "zh-CN", "Asia/Shanghai", false)).toBe("2026/11/23")
    expect(formatReceiptTime(null, "zh-CN", "Asia/Shanghai")).toBe("—")
  })

  it("names every payment method the platform offers", () => {
    const names = (id: string) => [paymentMethodLabel(id)["zh-CN"], paymentMethodLabel(id).en]
    expect(names("pp_bank-transfer_offline")).toEqual(["对公转账", "Bank transfer"])
    expect(names("pp_official-card_offline")).toEqual(["公务卡", "Official card"])
    expect(names("pp_pay-on-acceptance_offline")).toEqual(["验收后付款", "Pay on acceptance"])
    expect(names("pp_stripe_stripe")).toEqual(["银行卡", "Bank card"])
    expect(names("pp_stripe-alipay_stripe")).toEqual(["支付宝", "Alipay"])
    expect(names("pp_stripe-wechatpay_stripe")).toEqual(["微信支付", "WeChat Pay"])
    expect(names("pp_system_default")).toEqual(["线下支付（到账后确认）", "Offline payment (confirmed on receipt)"])
    expect(names("pp_other_x")).toEqual(["pp_other_x", "pp_other_x"])
  })

  it("words a Chinese receipt: order, buyer, invoice, items, totals, payment, refunds", () => {
    const view = buildReceiptView(order, context("zh-CN"))
    expect(view.filename).toBe("receipt-42.pdf")
    expect(view.title).toBe("订单收据")
    expect(view.platform_name).toBe("现代公物仓")
    expect(view.document_title).toBe("订单收据 #42 · 现代公物仓")
    expect(facts(view.order)).toEqual({ 订单号: "#42", 下单时间: "2026/11/22 09:30 (GMT+8)", 订单状态: "处理中" })
    expect(facts(view.buyer)).toEqual({
      采购人: "王晓明",
      邮箱: "buyer@example.cn",
      电话: "13800000000",
      收货地址: "王晓明，四川省 成都 天府大道北段 966 号 610041",
    })
    expect(facts(view.invoice)).toEqual({
      发票类型: "单位",
      发票抬头: "成都市机关事务管理局",
      税号: "91110108551385082Q",
      接收邮箱: "invoice@example.cn",
    })
    expect(view.item_columns).toEqual(["商品", "规格", "数量", "单价", "小计"])
    expect(view.items).toEqual([
      { title: "人体工学办公椅", variant: "灰色", quantity: "2", unit_price: "¥1,234.50", total: "¥2,469.00" },
      { title: "A4 复印纸", variant: "—", quantity: "1", unit_price: "¥0.00", total: "¥0.00" },
    ])
    expect(view.totals).toEqual([
      { label: "商品金额", value: "¥2,469.00" },
      { label: "运费（标准配送）", value: "¥20.00" },
      { label: "退款及抵扣", value: "-¥120.50" },
      { label: "其中税额", value: "¥286.35" },
    ])
    expect(view.grand_total).toEqual({ label: "订单总额", value: "¥2,368.50" })
    expect(view.payment_status).toEqual({ label: "付款状态", value: "部分退款" })
    expect(view.payments).toEqual([
      {
        method: "对公转账",
        status: "已收款，有退款",
        amount: "¥2,489.00",
        details: [
          { label: "付款编号", value: "GWC-20261122-ABCDEF" },
          { label: "到账日期", value: "2026/11/23" },
          { label: "收款时间", value: "2026/11/23 10:00 (GMT+8)" },
        ],
      },
    ])
    // Oldest refund first, and their sum.
    expect(view.refunds).toEqual([
      { at: "2026/11/25 11:00 (GMT+8)", amount: "¥100.50", note: "少发一包" },
      { at: "2026/11/27 11:00 (GMT+8)", amount: "¥20.00", note: "运费退回" },
    ])
    expect(view.refund_total).toEqual({ label: "退款合计", value: "¥120.50" })
    expect(view.generated_at).toEqual({ label: "生成时间", value: "2026/11/26 16:00 (GMT+8)" })
    expect(view.notice).toMatch(/不作为增值税发票/)
  })

  it("words an English receipt with the same facts and CN¥ amounts", () => {
    const view = buildReceiptView(order, context("en"))
    expect(view.title).toBe("Order receipt")
    expect(view.platform_name).toBe("现代公物仓")
    expect(view.platform_name_secondary).toBe("Gongwucang — Modern Public Property Warehouse")
    expect(facts(view.order)).toEqual({ "Order number": "#42", "Order date": "22/11/2026, 09:30 (GMT+8)", "Order status": "In progress" })
    // A Chinese name stays family name first, unspaced, in English too.
    expect(facts(view.buyer).Name).toBe("王晓明")
    expect(facts(view.invoice)).toMatchObject({ "Invoice type": "Organisation", "Invoice title": "成都市机关事务管理局", "Tax number": "91110108551385082Q" })
    expect(view.totals[1]).toEqual({ label: "Shipping (标准配送)", value: "CN¥20.00" })
    expect(view.totals[2]).toEqual({ label: "Refunds and credits", value: "-CN¥120.50" })
    expect(view.grand_total).toEqual({ label: "Total", value: "CN¥2,368.50" })
    expect(view.payments[0].method).toBe("Bank transfer")
    expect(view.refund_total).toEqual({ label: "Refunded in total", value: "CN¥120.50" })
    expect(buildReceiptView({ ...order, customer: { first_name: "Anna", last_name: "Li" } }, context("en")).buyer[0]).toEqual({
      label: "Name",
      value: "Anna Li",
    })
  })

  it("shows each method's own details: card's last 4, acceptance terms, Stripe's transaction", () => {
    const card = buildReceiptView(
      { ...order, payments: [payment({ provider_id: "pp_official-card_offline", data: { holder_name: "王晓明", last4: "6688" } })] },
      context("zh-CN")
    ).payments[0]
    expect(card).toEqual({
      method: "公务卡",
      status: "待收款",
      amount: "¥2,489.00",
      details: [
        { label: "持卡人", value: "王晓明" },
        { label: "卡号", value: "**** 6688" },
      ],
    })
    const onAcceptance = buildReceiptView(
      { ...order, payments: [payment({ provider_id: "pp_pay-on-acceptance_offline", data: { payment_terms_days: 30, due_at: "2026-12-30T00:00:00Z" } })] },
      context("en")
    ).payments[0]
    expect(onAcceptance.details).toEqual([
      { label: "Terms", value: "within 30 days of acceptance" },
      { label: "Pay by", value: "30/12/2026" },
    ])
    const alipay = buildReceiptView(
      { ...order, payments: [payment({ provider_id: "pp_stripe-alipay_stripe", captured_at: "2026-11-22T02:00:00Z", data: { id: "pi_123" } })] },
      context("zh-CN")
    ).payments[0]
    expect(alipay).toMatchObject({ method: "支付宝", status: "已收款", details: [{ label: "交易号", value: "pi_123" }, { label: "收款时间", value: "2026/11/22 10:00 (GMT+8)" }] })
    const canceled = buildReceiptView({ ...order, payments: [payment({ canceled_at: "2026-11-22T03:00:00Z" })] }, context("zh-CN")).payments[0]
    expect(canceled.status).toBe("已取消")
  })

  it("says so when there are no invoice details, payments or refunds, and shows a discount", () => {
    const view = buildReceiptView(
      { ...order, invoice: null, payments: [], payment_status: "not_paid", discount_total: 50, credit_line_total: 0 },
      context("zh-CN")
    )
    expect(view.invoice).toEqual([])
    expect(view.no_invoice).toBe("未填写发票信息")
    expect(view.payments).toEqual([])
    expect(view.payment_status.value).toBe("未付款")
    expect(view.refunds).toEqual([])
    expect(view.refund_total).toBeNull()
    expect(view.totals).toContainEqual({ label: "优惠", value: "-¥50.00" })
    expect(view.totals.map((fact) => fact.label)).not.toContain("退款及抵扣")
    expect(buildReceiptView({ ...order, display_id: null }, context("zh-CN")).filename).toBe("receipt-order_01RECEIPT.pdf")
  })
})

async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  return (await extractText(document, { mergePages: true })).text
}

describe("PDF documents with the embedded Chinese font (@gongwucang/platform/pdf)", () => {
  const draw = (doc: PDFKit.PDFDocument) => {
    doc.font(CJK_FONT_BOLD).fontSize(18).text("现代公物仓 比价报告")
    doc.fontSize(10).text("人体工学办公椅 ¥1,234.50 — English text too")
  }

  it("embeds Noto Sans SC as a TrueType subset with a Unicode map, so the Chinese text extracts", async () => {
    const pdf = await renderCjkPdf({ title: "测试文档" }, draw)
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    const raw = pdf.toString("latin1")
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/)
    expect(raw).toContain("/FontFile2")
    expect(raw).toContain("/ToUnicode")
    expect(raw).toContain("/Lang (zh-CN)")
    // A subset of a ~10 MB font: a few KB.
    expect(pdf.length).toBeLessThan(30_000)
    const text = await pdfText(pdf)
    expect(text).toContain("现代公物仓 比价报告")
    expect(text).toContain("人体工学办公椅 ¥1,234.50 — English text too")
  })

  it("renders the same bytes for the same content and creation date", async () => {
    const createdAt = new Date("2026-11-22T01:30:00Z")
    const first = await renderCjkPdf({ title: "报告", createdAt }, draw)
    const second = await renderCjkPdf({ title: "报告", createdAt }, draw)
    expect(first.equals(second)).toBe(true)
    const later = await renderCjkPdf({ title: "报告", createdAt: new Date("2026-11-22T01:30:01Z") }, draw)
    expect(later.equals(first)).toBe(false)
  })

  it("writes page footers on every page", async () => {
    const doc = createCjkDocument({ title: "多页", bufferPages: true })
    for (let line = 0; line < 120; line++) doc.text(`第 ${line + 1} 行：办公设备采购明细`)
    addPageFooters(doc, (page, pages) => `第 ${page} / ${pages} 页`)
    const pdf = await pdfBuffer(doc)
    const document = await getDocumentProxy(new Uint8Array(pdf))
    expect(document.numPages).toBeGreaterThan(1)
    const { text } = await extractText(document, { mergePages: false })
    text.forEach((page, index) => expect(page).toContain(`第 ${index + 1} / ${document.numPages} 页`))
  })

  it("names downloads in ASCII and in UTF-8", () => {
    expect(attachmentDisposition("receipt-42.pdf")).toBe(`attachment; filename="receipt-42.pdf"; filename*=UTF-8''receipt-42.pdf`)
    expect(attachmentDisposition("比价报告-1.pdf")).toBe(
      `attachment; filename="____-1.pdf"; filename*=UTF-8''%E6%AF%94%E4%BB%B7%E6%8A%A5%E5%91%8A-1.pdf`
    )
    expect(pdfDownloadHeaders("receipt-42.pdf", Buffer.from("%PDF-"))).toMatchObject({
      "Content-Type": "application/pdf",
      "Content-Length": "5",
      "Cache-Control": "private, no-store",
    })
  })
})
