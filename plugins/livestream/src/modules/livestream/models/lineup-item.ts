import { model } from "@medusajs/framework/utils"
import { LiveSession } from "./live-session"

/**
 * Lineup item (直播商品): a product variant a session sells, in order, with an optional live price
 * (yuan, valid only during the session) and an optional live stock cap.
 */
export const LineupItem = model
  .define("live_lineup_item", {
    id: model.id({ prefix: "lsit" }).primaryKey(),
    product_id: model.text(),
    variant_id: model.text(),
    rank: model.number().default(0),
    live_price: model.bigNumber().nullable(),
    live_stock_cap: model.number().nullable(),
    // Units sold through the session so far (counted against live_stock_cap by attribution).
    sold_quantity: model.number().default(0),
    session: model.belongsTo(() => LiveSession, { mappedBy: "lineup" }),
  })
  .indexes([{ on: ["session_id", "variant_id"], unique: true, where: "deleted_at IS NULL" }])
