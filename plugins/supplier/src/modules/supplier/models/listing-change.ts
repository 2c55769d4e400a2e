import { model } from "@medusajs/framework/utils"

/**
 * A listing change awaiting the operator (待审核): a new listing, or a change to a live
 * listing's title, prices or attributes. The public keeps seeing the product as it was until
 * the change is approved; `proposed` holds the new values, `previous` what they replace.
 */
export const ListingChange = model
  .define("listing_change", {
    id: model.id({ prefix: "lchg" }).primaryKey(),
    supplier_id: model.text(),
    product_id: model.text(),
    kind: model.enum(["create", "update"]),
    status: model.enum(["pending", "approved", "rejected", "changes_requested"]).default("pending"),
    proposed: model.json(),
    previous: model.json().nullable(),
    review_note: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    reviewed_by: model.text().nullable(),
  })
  .indexes([{ on: ["supplier_id", "status"] }, { on: ["product_id"] }])
