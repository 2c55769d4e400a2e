import { z } from "@medusajs/framework/zod"

const text = (max: number) => z.string().trim().min(1).max(max)
const url = z.string().trim().url().max(2000)
const nullableUrl = url.nullable().optional()
const dateTime = z.coerce.date()
const EMBED = ["platform", "wechat_channels", "douyin", "other"] as const

export const AdminCreateHost = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    display_name: text(100),
    bio: z.string().trim().max(2000).nullable().optional(),
    avatar_url: nullableUrl,
    password: z.string().min(8).max(200).optional(),
  })
  .strict()
export type AdminCreateHostType = z.infer<typeof AdminCreateHost>

export const AdminUpdateHost = z
  .object({
    display_name: text(100).optional(),
    bio: z.string().trim().max(2000).nullable().optional(),
    avatar_url: nullableUrl,
    status: z.enum(["active", "suspended"]).optional(),
  })
  .strict()
export type AdminUpdateHostType = z.infer<typeof AdminUpdateHost>

export const AdminCreateGrant = z.object({ kind: z.enum(["supplier", "category"]), target_id: text(100) }).strict()
export type AdminCreateGrantType = z.infer<typeof AdminCreateGrant>

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.enum(["scheduled", "live", "ended"]).optional(),
  host_id: z.string().trim().max(100).optional(),
})
export type ListQueryType = z.infer<typeof ListQuery>

const sessionFields = {
  title: text(200),
  cover_url: nullableUrl,
  stream_url: nullableUrl,
  embed_kind: z.enum(EMBED).optional(),
  scheduled_start_at: dateTime,
  scheduled_end_at: dateTime.nullable().optional(),
  attribution_window_hours: z.coerce.number().int().min(1).max(24 * 30).optional(),
}

export const HostCreateSession = z.object(sessionFields).strict()
export type HostCreateSessionType = z.infer<typeof HostCreateSession>

export const HostUpdateSession = z
  .object({ ...sessionFields, title: sessionFields.title.optional(), scheduled_start_at: dateTime.optional() })
  .strict()
export type HostUpdateSessionType = z.infer<typeof HostUpdateSession>

export const HostAddLineupItem = z
  .object({
    product_id: text(100),
    variant_id: text(100),
    live_price: z.coerce.number().positive().max(100_000_000).multipleOf(0.01).nullable().optional(),
    live_stock_cap: z.coerce.number().int().min(1).max(1_000_000).nullable().optional(),
    rank: z.coerce.number().int().min(0).max(100_000).optional(),
  })
  .strict()
export type HostAddLineupItemType = z.infer<typeof HostAddLineupItem>

export const HostUpdateLineupItem = z
  .object({
    live_price: z.coerce.number().positive().max(100_000_000).multipleOf(0.01).nullable().optional(),
    live_stock_cap: z.coerce.number().int().min(1).max(1_000_000).nullable().optional(),
    rank: z.coerce.number().int().min(0).max(100_000).optional(),
  })
  .strict()
export type HostUpdateLineupItemType = z.infer<typeof HostUpdateLineupItem>

export const HostPin = z.object({ lineup_item_id: text(100) }).strict()
export type HostPinType = z.infer<typeof HostPin>

export const Empty = z.object({}).strict()
