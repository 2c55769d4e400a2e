import { model } from "@medusajs/framework/utils"

/** An order the showroom channel brought (展厅渠道): placed after a kiosk QR scan. Linked to the order. */
export const OrderAttribution = model
  .define("showroom_order_attribution", {
    id: model.id({ prefix: "xatt" }).primaryKey(),
    order_id: model.text(),
    scan_id: model.text(),
    kiosk_id: model.text(),
    centre_id: model.text(),
    exhibit_id: model.text().nullable(),
    total: model.bigNumber(),
    currency_code: model.text(),
  })
  .indexes([{ on: ["order_id"], unique: true }, { on: ["exhibit_id"] }])
