import { model } from "@medusajs/framework/utils"

/**
 * The electronic report (电子比价报告) of a confirmed comparison, generated once: the exact PDF
 * bytes (base64) and their SHA-256, which verification compares against, and the SHA-256 of the
 * report's data (canonical JSON) printed inside the PDF. Kept apart from the comparison so lists
 * never load the bytes.
 */
export const ComparisonReport = model
  .define("comparison_report", {
    id: model.id({ prefix: "pcrep" }).primaryKey(),
    comparison_id: model.text().unique(),
    serial: model.text().unique(),
    organization_name: model.text(),
    title: model.text(),
    content_sha256: model.text(),
    sha256: model.text(),
    size: model.number(),
    pdf_base64: model.text(),
    generated_at: model.dateTime(),
  })
