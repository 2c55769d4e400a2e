import QRCode from "qrcode"
import { CJK_FONT, CJK_FONT_BOLD, renderCjkPdf } from "@gongwucang/platform/pdf"
import { decodeEpc } from "./epc"

export interface LabelInput {
  title: string
  plinth: string | null
  zone_code: string | null
  epc: string
}

const COLUMNS = 2
const ROWS = 5
const QR_SIZE = 90

/**
 * Tag labels (标签) on A4, 2 × 5 per page: product title, zone and plinth, the EPC in hex, its GS1
 * tag URI (SGTIN-96) and a QR code of the EPC, so a tag can be checked with a phone or a scanner.
 */
export async function renderTagLabels(labels: LabelInput[], createdAt = new Date()): Promise<Buffer> {
  const qrs = await Promise.all(labels.map((l) => QRCode.toBuffer(l.epc, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 })))
  return renderCjkPdf({ title: "展品标签 / Exhibit tag labels", subject: "RFID EPC labels", createdAt, margin: 30 }, (doc) => {
    const { width, height } = doc.page
    const margin = 30
    const cellW = (width - margin * 2) / COLUMNS
    const cellH = (height - margin * 2) / ROWS
    labels.forEach((label, index) => {
      const slot = index % (COLUMNS * ROWS)
      if (index > 0 && slot === 0) doc.addPage()
      const x = margin + (slot % COLUMNS) * cellW
      const y = margin + Math.floor(slot / COLUMNS) * cellH
      doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor("#999999").rect(x + 4, y + 4, cellW - 8, cellH - 8).stroke().restore()
      doc.image(qrs[index], x + 12, y + 14, { width: QR_SIZE, height: QR_SIZE })
      const textX = x + 12 + QR_SIZE + 10
      const textW = cellW - (QR_SIZE + 40)
      const decoded = decodeEpc(label.epc)
      const place = [label.zone_code ? `展区 Zone ${label.zone_code}` : null, label.plinth ? `展台 Plinth ${label.plinth}` : null].filter(Boolean).join(" · ")
      doc.fillColor("#000000").font(CJK_FONT_BOLD).fontSize(10).text(label.title, textX, y + 14, { width: textW, height: 42, ellipsis: true })
      doc.font(CJK_FONT).fontSize(8).fillColor("#333333")
      doc.text(place || "—", textX, y + 60, { width: textW })
      doc.font("Courier").fontSize(7.5).fillColor("#000000").text(label.epc, textX, y + 76, { width: textW })
      // The tag URI (up to ~50 characters) gets the label's whole width, below the QR code.
      if (decoded?.tag_uri) doc.font("Courier").fontSize(6.5).fillColor("#333333").text(decoded.tag_uri, x + 12, y + QR_SIZE + 20, { width: cellW - 24, lineBreak: false })
      doc.font(CJK_FONT).fontSize(6.5).fillColor("#666666").text(decoded?.scheme === "sgtin-96" ? `GTIN ${decoded.gtin} · 序列号 Serial ${decoded.serial}` : "EPC / UID", x + 12, y + QR_SIZE + 32, { width: cellW - 24 })
    })
  })
}
