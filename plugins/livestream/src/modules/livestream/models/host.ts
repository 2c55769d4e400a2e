import { model } from "@medusajs/framework/utils"
import { HostGrant } from "./host-grant"

/** Host (主播): a person who sells the platform's products in live streams; signs in as the `host` actor. */
export const Host = model
  .define("live_host", {
    id: model.id({ prefix: "host" }).primaryKey(),
    email: model.text(),
    display_name: model.text().searchable(),
    bio: model.text().nullable(),
    avatar_url: model.text().nullable(),
    status: model.enum(["active", "suspended"]).default("active"),
    grants: model.hasMany(() => HostGrant, { mappedBy: "host" }),
  })
  .indexes([{ on: ["email"], unique: true, where: "deleted_at IS NULL" }])
