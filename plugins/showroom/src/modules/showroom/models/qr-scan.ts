import { model } from "@medusajs/framework/utils"

/** A visitor's phone opened a kiosk's QR code (扫码): counts the scan and carries attribution. */
export const QrScan = model
  .define("showroom_qr_scan", {
    id: model.id({ prefix: "xqrs" }).primaryKey(),
    kiosk_id: model.text(),
    centre_id: model.text(),
    exhibit_id: model.text().nullable(),
    // Several exhibits when the visitor took a comparison to the phone.
    exhibit_ids: model.json().default({ ids: [] }),
    product_id: model.text().nullable(),
  })
  .indexes([{ on: ["kiosk_id"] }, { on: ["exhibit_id"] }])
