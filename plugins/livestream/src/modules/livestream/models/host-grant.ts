import { model } from "@medusajs/framework/utils"
import { Host } from "./host"

/**
 * Host grant (授权范围): the operator lets a host sell the products of one supplier, or of one
 * product category (and its sub-categories).
 */
export const HostGrant = model
  .define("live_host_grant", {
    id: model.id({ prefix: "hgrt" }).primaryKey(),
    kind: model.enum(["supplier", "category"]),
    target_id: model.text(),
    host: model.belongsTo(() => Host, { mappedBy: "grants" }),
  })
  .indexes([{ on: ["host_id", "kind", "target_id"], unique: true, where: "deleted_at IS NULL" }])
