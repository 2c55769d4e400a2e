import { addPageFooters, CJK_FONT, CJK_FONT_BOLD, renderCjkPdf, type PdfDocument } from "@gongwucang/platform/pdf"
import type { ReceiptFact, ReceiptView } from "./receipt"

// The receipt as an A4 PDF: header, order and buyer side by side, invoice details, the item
// table, totals, payment, refunds, and the generated-at line; page numbers in the footer.

const INK = "#1a1a1a"
const MUTED = "#666666"
const RULE = "#c8c8c8"
const HEADER_FILL = "#f2f2f2"

const BODY_SIZE = 9.5
const LINE_GAP = 2

function pageBottom(doc: PdfDocument): number {
  return doc.page.height - doc.page.margins.bottom
}

function contentWidth(doc: PdfDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

/** Starts a new page when less than `height` points are left on this one. */
function ensureSpace(doc: PdfDocument, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage()
}

function rule(doc: PdfDocument, y = doc.y): void {
  const left = doc.page.margins.left
  doc
    .moveTo(left, y)
    .lineTo(left + contentWidth(doc), y)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke()
}

function heading(doc: PdfDocument, text: string, x = doc.page.margins.left, width = contentWidth(doc)): void {
  doc.font(CJK_FONT_BOLD).fontSize(11).fillColor(INK).text(text, x, doc.y, { width })
  doc.moveDown(0.3)
}

function factsHeight(doc: PdfDocument, facts: ReceiptFact[], labelWidth: number, width: number): number {
  doc.font(CJK_FONT).fontSize(BODY_SIZE)
  return facts.reduce(
    (sum, fact) => sum + Math.max(doc.heightOfString(fact.label, { width: labelWidth }), doc.heightOfString(fact.value, { width: width - labelWidth })) + LINE_GAP,
    0
  )
}

/** Label: value lines in a column starting at (x, doc.y); returns the y below the last line. */
function facts(doc: PdfDocument, list: ReceiptFact[], x: number, width: number, labelWidth: number): number {
  let y = doc.y
  for (const fact of list) {
    doc.font(CJK_FONT).fontSize(BODY_SIZE)
    const valueWidth = width - labelWidth
    const height = Math.max(doc.heightOfString(fact.label, { width: labelWidth }), doc.heightOfString(fact.value, { width: valueWidth }))
    if (y + height > pageBottom(doc)) {
      doc.addPage()
      y = doc.y
    }
    doc.fillColor(MUTED).text(fact.label, x, y, { width: labelWidth })
    doc.fillColor(INK).text(fact.value, x + labelWidth, y, { width: valueWidth })
    y += height + LINE_GAP
  }
  doc.y = y
  return y
}

function header(doc: PdfDocument, view: ReceiptView): void {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const top = doc.y
  doc.font(CJK_FONT_BOLD).fontSize(20).fillColor(INK).text(view.platform_name, left, top, { width: width / 2 })
  doc.font(CJK_FONT).fontSize(8.5).fillColor(MUTED).text(view.platform_name_secondary, left, doc.y, { width: width / 2 + 40 })
  const leftBottom = doc.y
  doc.font(CJK_FONT_BOLD).fontSize(16).fillColor(INK).text(view.title, left + width / 2, top + 2, { width: width / 2, align: "right" })
  doc.font(CJK_FONT).fontSize(10).fillColor(INK).text(view.order_number, left + width / 2, doc.y, { width: width / 2, align: "right" })
  doc.y = Math.max(leftBottom, doc.y) + 8
  rule(doc)
  doc.y += 10
}

function orderAndBuyer(doc: PdfDocument, view: ReceiptView): void {
  const left = doc.page.margins.left
  const gap = 20
  const column = (contentWidth(doc) - gap) / 2
  const labelWidth = view.lang === "en" ? 78 : 58
  const top = doc.y
  heading(doc, view.headings.order, left, column)
  const ordersEnd = facts(doc, view.order, left, column, labelWidth)
  doc.y = top
  heading(doc, view.headings.buyer, left + column + gap, column)
  const buyerEnd = facts(doc, view.buyer, left + column + gap, column, labelWidth)
  doc.y = Math.max(ordersEnd, buyerEnd) + 10
}

function invoice(doc: PdfDocument, view: ReceiptView): void {
  const left = doc.page.margins.left
  const labelWidth = view.lang === "en" ? 110 : 66
  ensureSpace(doc, 40)
  heading(doc, view.headings.invoice)
  if (view.invoice.length) {
    facts(doc, view.invoice, left, contentWidth(doc), labelWidth)
  } else {
    doc.font(CJK_FONT).fontSize(BODY_SIZE).fillColor(MUTED).text(view.no_invoice, left, doc.y)
  }
  doc.y += 10
}

function items(doc: PdfDocument, view: ReceiptView): void {
  const left = doc.page.margins.left
  ensureSpace(doc, 60)
  heading(doc, view.headings.items)
  const amountWidth = 78
  const border = { top: 0, left: 0, right: 0, bottom: 0.5 }
  const cell = { border, borderColor: RULE, padding: [4, 4] as [number, number] }
  const right = { x: "right" as const, y: "top" as const }
  doc.font(CJK_FONT).fontSize(BODY_SIZE).fillColor(INK)
  doc.table({
    position: { x: left, y: doc.y },
    maxWidth: contentWidth(doc),
    columnStyles: ["*", 96, 36, amountWidth, amountWidth],
    defaultStyle: cell,
    data: [
      view.item_columns.map((text, index) => ({
        text,
        type: "TH" as const,
        font: { src: CJK_FONT_BOLD, size: BODY_SIZE },
        backgroundColor: HEADER_FILL,
        ...(index >= 2 ? { align: right } : {}),
      })),
      ...view.items.map((item) => [
        { text: item.title },
        { text: item.variant, textColor: MUTED },
        { text: item.quantity, align: right },
        { text: item.unit_price, align: right },
        { text: item.total, align: right },
      ]),
    ],
  })
  doc.y += 8
}

function totals(doc: PdfDocument, view: ReceiptView): void {
  const width = contentWidth(doc)
  const blockWidth = 260
  const x = doc.page.margins.left + width - blockWidth
  const valueWidth = 100
  ensureSpace(doc, factsHeight(doc, view.totals, blockWidth - valueWidth, blockWidth) + 30)
  for (const fact of view.totals) {
    const y = doc.y
    doc.font(CJK_FONT).fontSize(BODY_SIZE).fillColor(MUTED).text(fact.label, x, y, { width: blockWidth - valueWidth, align: "right" })
    const labelBottom = doc.y
    doc.fillColor(INK).text(fact.value, x + blockWidth - valueWidth, y, { width: valueWidth, align: "right" })
    doc.y = Math.max(labelBottom, doc.y) + LINE_GAP
  }
  doc.y += 2
  doc
    .moveTo(x, doc.y)
    .lineTo(x + blockWidth, doc.y)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke()
  doc.y += 4
  const y = doc.y
  doc.font(CJK_FONT_BOLD).fontSize(12).fillColor(INK).text(view.grand_total.label, x, y, { width: blockWidth - valueWidth, align: "right" })
  doc.text(view.grand_total.value, x + blockWidth - valueWidth, y, { width: valueWidth, align: "right" })
  doc.y += 14
}

function payment(doc: PdfDocument, view: ReceiptView): void {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const labelWidth = view.lang === "en" ? 110 : 66
  ensureSpace(doc, 60)
  heading(doc, view.headings.payment)
  facts(doc, [view.payment_status], left, width, labelWidth)
  if (!view.payments.length) {
    doc.font(CJK_FONT).fontSize(BODY_SIZE).fillColor(MUTED).text(view.no_payment, left, doc.y)
  }
  for (const entry of view.payments) {
    ensureSpace(doc, 40)
    doc.y += 3
    const y = doc.y
    doc.font(CJK_FONT_BOLD).fontSize(BODY_SIZE).fillColor(INK).text(`${entry.method} · ${entry.status}`, left, y, { width: width - 120 })
    const methodBottom = doc.y
    doc.font(CJK_FONT_BOLD).text(entry.amount, left + width - 120, y, { width: 120, align: "right" })
    doc.y = Math.max(methodBottom, doc.y) + LINE_GAP
    facts(doc, entry.details, left + 12, width - 12, labelWidth)
  }
  doc.y += 8
}

function refunds(doc: PdfDocument, view: ReceiptView): void {
  if (!view.refunds.length) return
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  ensureSpace(doc, 50)
  heading(doc, view.headings.refunds)
  for (const refund of view.refunds) {
    doc.font(CJK_FONT).fontSize(BODY_SIZE)
    const noteWidth = width - 130 - 100
    const height = Math.max(doc.heightOfString(refund.at, { width: 130 }), refund.note ? doc.heightOfString(refund.note, { width: noteWidth }) : 0)
    ensureSpace(doc, height)
    const y = doc.y
    doc.fillColor(MUTED).text(refund.at, left, y, { width: 130 })
    if (refund.note) doc.fillColor(INK).text(refund.note, left + 130, y, { width: noteWidth })
    doc.fillColor(INK).text(refund.amount, left + width - 100, y, { width: 100, align: "right" })
    doc.y = y + height + LINE_GAP
  }
  if (view.refund_total) {
    const y = doc.y
    doc.font(CJK_FONT_BOLD).fontSize(BODY_SIZE).fillColor(INK).text(view.refund_total.label, left, y, { width: width - 100 })
    doc.text(view.refund_total.value, left + width - 100, y, { width: 100, align: "right" })
  }
  doc.y += 10
}

function closing(doc: PdfDocument, view: ReceiptView): void {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  ensureSpace(doc, 50)
  rule(doc)
  doc.y += 6
  doc.font(CJK_FONT).fontSize(8.5).fillColor(MUTED)
  const separator = view.lang === "en" ? ": " : "："
  doc.text(`${view.generated_at.label}${separator}${view.generated_at.value}`, left, doc.y, { width })
  doc.moveDown(0.2)
  doc.text(view.notice, left, doc.y, { width })
}

/** The receipt view drawn as a PDF (A4, Noto Sans SC embedded as a subset). */
export function renderReceiptPdf(view: ReceiptView, createdAt: Date): Promise<Buffer> {
  return renderCjkPdf(
    {
      title: view.document_title,
      subject: view.title,
      author: view.platform_name,
      lang: view.lang,
      createdAt,
      bufferPages: true,
    },
    (doc) => {
      header(doc, view)
      orderAndBuyer(doc, view)
      invoice(doc, view)
      items(doc, view)
      totals(doc, view)
      payment(doc, view)
      refunds(doc, view)
      closing(doc, view)
      const pageLabel = (page: number, pages: number) =>
        view.lang === "en" ? `${view.title} ${view.order_number} · page ${page} of ${pages}` : `${view.title} ${view.order_number} · 第 ${page} / ${pages} 页`
      addPageFooters(doc, pageLabel)
    }
  )
}
