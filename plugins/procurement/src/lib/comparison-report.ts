import { localIsoTime, platformTimeZone } from "@gongwucang/platform/facts"
import { addPageFooters, CJK_FONT, CJK_FONT_BOLD, renderCjkPdf, type PdfDocument } from "@gongwucang/platform/pdf"
import QRCode from "qrcode"
import type { SpecEntry } from "./comparison-offers"
import { canonicalJson, sha256Hex } from "./comparison-rules"

/**
 * The electronic comparison report (电子比价报告): its data (what the SHA-256 printed in it is
 * computed over, as canonical JSON) and its PDF — header with the serial, organisation and need,
 * every offer side by side, the choice and reason, the agency's confirmation, the history, and
 * the hash with a QR code to the public verification page.
 */

export interface ReportOffer {
  id: string
  supplier: { id: string; name: string }
  title: string
  variant_title: string | null
  unit_price: number
  line_total: number
  currency_code: string
  specs: SpecEntry[]
  after_sales: string | null
  selected: boolean
}

export interface ReportData {
  document: "price_comparison_report"
  serial: string
  title: string
  organization: { id: string; name: string; credit_code: string | null }
  need: { category_id: string; category_name: string | null; quantity: number; required_specs: string | null }
  offers: ReportOffer[]
  selection: { offer_id: string; supplier_name: string; title: string; unit_price: number; reason: string }
  agency: { id: string; name: string; confirmed_by: { id: string; name: string | null }; confirmed_at: string; comment: string | null }
  history: { action: string; by: string | null; at: string; comment: string | null }[]
  created_at: string
  submitted_at: string | null
  confirmed_at: string
  prices_locked_until: string
  generated_at: string
  verify_url: string
}

/** SHA-256 of the report's data as canonical JSON (sorted keys, no spaces). */
export function reportContentHash(data: ReportData): string {
  return sha256Hex(canonicalJson(data))
}

const INK = "#1a1a1a"
const MUTED = "#666666"
const RULE = "#c8c8c8"
const HEADER_FILL = "#f2f2f2"
const CHOSEN_FILL = "#eaf4ea"
const BODY = 9
const OFFERS_PER_TABLE = 4

const ACTION_ZH: Record<string, string> = { submitted: "提交", resubmitted: "重新提交", claimed: "受理", returned: "退回", confirmed: "确认" }

function when(value: string | null): string {
  if (!value) return "—"
  return localIsoTime(new Date(value), platformTimeZone()).replace("T", " ")
}

const yuan = (n: number) => `¥${n.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

function width(doc: PdfDocument) {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

function ensureSpace(doc: PdfDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
}

function heading(doc: PdfDocument, text: string) {
  ensureSpace(doc, 40)
  doc.moveDown(0.6)
  doc.font(CJK_FONT_BOLD).fontSize(11).fillColor(INK).text(text, doc.page.margins.left, doc.y, { width: width(doc) })
  doc.moveDown(0.3)
}

function facts(doc: PdfDocument, list: [string, string][], labelWidth = 110) {
  const left = doc.page.margins.left
  for (const [label, value] of list) {
    doc.font(CJK_FONT).fontSize(BODY)
    const h = Math.max(doc.heightOfString(label, { width: labelWidth }), doc.heightOfString(value, { width: width(doc) - labelWidth }))
    ensureSpace(doc, h + 2)
    const y = doc.y
    doc.fillColor(MUTED).text(label, left, y, { width: labelWidth })
    doc.fillColor(INK).text(value, left + labelWidth, y, { width: width(doc) - labelWidth })
    doc.y = y + h + 2
  }
}

function specText(s: SpecEntry | undefined): string {
  if (!s) return "—"
  if (typeof s.value === "boolean") return s.value ? "是" : "否"
  return `${s.value}${s.unit ? ` ${s.unit}` : ""}`
}

function offersTable(doc: PdfDocument, data: ReportData, offers: ReportOffer[]) {
  const specKeys: { key: string; label: string }[] = []
  for (const offer of data.offers) for (const s of offer.specs) if (!specKeys.some((k) => k.key === s.key)) specKeys.push({ key: s.key, label: s.label_zh })
  const cell = { border: { top: 0, left: 0, right: 0, bottom: 0.5 }, borderColor: RULE, padding: [3, 3] as [number, number] }
  const fill = (o: ReportOffer) => (o.selected ? { backgroundColor: CHOSEN_FILL } : {})
  const row = (label: string, values: (o: ReportOffer) => string, bold = false) => [
    { text: label, textColor: MUTED },
    ...offers.map((o) => ({ text: values(o), ...fill(o), ...(bold ? { font: { src: CJK_FONT_BOLD, size: BODY } } : {}) })),
  ]
  ensureSpace(doc, 120)
  doc.font(CJK_FONT).fontSize(BODY).fillColor(INK)
  doc.table({
    position: { x: doc.page.margins.left, y: doc.y },
    maxWidth: width(doc),
    columnStyles: [90, ...offers.map(() => "*" as const)],
    defaultStyle: cell,
    data: [
      [
        { text: "报价 Offer", type: "TH" as const, font: { src: CJK_FONT_BOLD, size: BODY }, backgroundColor: HEADER_FILL },
        ...offers.map((o) => ({
          text: `${String.fromCharCode(65 + data.offers.indexOf(o))}${o.selected ? " · 已选定 chosen" : ""}`,
          type: "TH" as const,
          font: { src: CJK_FONT_BOLD, size: BODY },
          backgroundColor: o.selected ? CHOSEN_FILL : HEADER_FILL,
        })),
      ],
      row("供应商 Supplier", (o) => o.supplier.name),
      row("商品 Product", (o) => o.title, true),
      row("规格 Variant", (o) => o.variant_title ?? "—"),
      row("单价 Unit price", (o) => yuan(o.unit_price), true),
      row(`合计 Total ×${data.need.quantity}`, (o) => yuan(o.line_total)),
      ...specKeys.map((k) => row(k.label, (o) => specText(o.specs.find((s) => s.key === k.key)))),
      row("售后服务 After-sales", (o) => o.after_sales ?? "—"),
    ],
  })
  doc.y += 6
}

/** The report as PDF bytes; the same data (and the same generated_at) renders to the same bytes. */
export async function renderReportPdf(data: ReportData, contentHash: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(data.verify_url, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 })
  return renderCjkPdf(
    {
      title: `电子比价报告 ${data.serial}`,
      subject: data.title,
      keywords: data.serial,
      author: "现代公物仓 Gongwucang",
      createdAt: new Date(data.generated_at),
      bufferPages: true,
    },
    (doc) => {
      const left = doc.page.margins.left
      const top = doc.y
      doc.font(CJK_FONT_BOLD).fontSize(18).fillColor(INK).text("电子比价报告", left, top, { width: width(doc) / 2 })
      doc.font(CJK_FONT).fontSize(8.5).fillColor(MUTED).text("Price comparison report · 现代公物仓 Gongwucang", left, doc.y, { width: width(doc) / 2 + 60 })
      const leftBottom = doc.y
      doc.font(CJK_FONT).fontSize(8.5).fillColor(MUTED).text("报告编号 Serial", left + width(doc) / 2, top + 2, { width: width(doc) / 2, align: "right" })
      doc.font(CJK_FONT_BOLD).fontSize(13).fillColor(INK).text(data.serial, left + width(doc) / 2, doc.y, { width: width(doc) / 2, align: "right" })
      doc.y = Math.max(leftBottom, doc.y) + 8
      doc.moveTo(left, doc.y).lineTo(left + width(doc), doc.y).lineWidth(0.6).strokeColor(RULE).stroke()
      doc.y += 8

      heading(doc, "采购单位与需求 Organisation and need")
      facts(doc, [
        ["采购单位 Organisation", data.organization.name + (data.organization.credit_code ? `（统一社会信用代码 ${data.organization.credit_code}）` : "")],
        ["比价项目 Title", data.title],
        ["品目 Category", data.need.category_name ?? data.need.category_id],
        ["采购数量 Quantity", String(data.need.quantity)],
        ["需求说明 Required specs", data.need.required_specs ?? "—"],
        ["创建时间 Created", when(data.created_at)],
        ["提交时间 Submitted", when(data.submitted_at)],
      ])

      heading(doc, `报价对比 Offers (${data.offers.length})`)
      for (let i = 0; i < data.offers.length; i += OFFERS_PER_TABLE) offersTable(doc, data, data.offers.slice(i, i + OFFERS_PER_TABLE))

      heading(doc, "选定报价与理由 Choice and reason")
      facts(doc, [
        ["选定报价 Chosen", `${data.selection.supplier_name} · ${data.selection.title} · ${yuan(data.selection.unit_price)}`],
        ["选择理由 Reason", data.selection.reason],
        ["价格有效期至 Valid until", when(data.prices_locked_until)],
      ])

      heading(doc, "代理机构确认 Agency confirmation")
      facts(doc, [
        ["招标代理机构 Agency", data.agency.name],
        ["确认人 Confirmed by", data.agency.confirmed_by.name ?? data.agency.confirmed_by.id],
        ["确认时间 Confirmed at", when(data.agency.confirmed_at)],
        ["确认意见 Comment", data.agency.comment ?? "—"],
      ])

      heading(doc, "审核记录 History")
      facts(
        doc,
        data.history.map((h) => [when(h.at), `${ACTION_ZH[h.action] ?? h.action} ${h.action} · ${h.by ?? "—"}${h.comment ? ` · ${h.comment}` : ""}`]),
        150
      )

      heading(doc, "防伪校验 Verification")
      ensureSpace(doc, 110)
      const y = doc.y
      const qrSize = 96
      doc.image(qr, left + width(doc) - qrSize, y, { width: qrSize, height: qrSize })
      const textWidth = width(doc) - qrSize - 12
      doc.font(CJK_FONT).fontSize(BODY).fillColor(MUTED).text("报告数据 SHA-256（规范化 JSON）Report data SHA-256 (canonical JSON)", left, y, { width: textWidth })
      doc.font(CJK_FONT).fontSize(8).fillColor(INK).text(contentHash, left, doc.y, { width: textWidth })
      doc.moveDown(0.4)
      doc.font(CJK_FONT).fontSize(BODY).fillColor(MUTED).text("扫描二维码或访问以下地址，上传本文件核验真伪 Scan or open to verify this file:", left, doc.y, { width: textWidth })
      doc.font(CJK_FONT).fontSize(8).fillColor(INK).text(data.verify_url, left, doc.y, { width: textWidth })
      doc.font(CJK_FONT).fontSize(8).fillColor(MUTED).text(`生成时间 Generated ${when(data.generated_at)}`, left, doc.y + 4, { width: textWidth })
      doc.y = Math.max(doc.y, y + qrSize) + 4
      addPageFooters(doc, (page, pages) => `${data.serial} · 第 ${page} / ${pages} 页 · page ${page} of ${pages}`)
    }
  )
}
