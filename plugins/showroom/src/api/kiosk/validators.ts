import { z } from "@medusajs/framework/zod"

/** Bodies and queries of the /kiosk routes (zh-CN / English messages naming the field). */

export const KioskEmptyQuery = z.object({}).strict()

export const KioskHeartbeat = z
  .object({
    app_version: z.string({ error: "app_version 应为文本 / app_version is text" }).trim().max(64, "app_version 不超过 64 个字符 / app_version is at most 64 characters").nullish(),
    agent_version: z.string({ error: "agent_version 应为文本 / agent_version is text" }).trim().max(64, "agent_version 不超过 64 个字符 / agent_version is at most 64 characters").nullish(),
  })
  .strict()
export type KioskHeartbeatType = z.infer<typeof KioskHeartbeat>

/** How far in the future an event's time may be (a kiosk's clock may run a little fast). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000

export const KioskTagEventSchema = z
  .object({
    id: z.uuid({ error: "id 应为 UUID / id is a UUID" }).transform((s) => s.toLowerCase()),
    type: z.enum(["lift", "replace"], { error: "type 应为 lift 或 replace / type is lift or replace" }),
    epc: z
      .string({ error: "epc 必填 / epc is required" })
      .trim()
      .regex(/^[0-9A-Fa-f]{4,128}$/, "epc 应为十六进制（4–128 位）/ epc is hex (4–128 digits)")
      .transform((s) => s.toUpperCase()),
    antenna: z.string({ error: "antenna 应为文本 / antenna is text" }).trim().min(1).max(100, "antenna 不超过 100 个字符 / antenna is at most 100 characters").nullish().transform((v) => v ?? null),
    occurred_at: z.iso
      .datetime({ offset: true, error: "occurred_at 应为 ISO 时间 / occurred_at is an ISO date-time" })
      .refine((v) => new Date(v).getTime() <= Date.now() + MAX_FUTURE_SKEW_MS, "occurred_at 不能晚于当前时间 5 分钟以上 / occurred_at is at most 5 minutes in the future"),
    dwell_ms: z.number({ error: "dwell_ms 应为数字 / dwell_ms is a number" }).int().min(0).max(7 * 24 * 3600_000).nullish(),
  })
  .strict()

export const KioskEventsBody = z
  .object({
    events: z
      .array(KioskTagEventSchema, { error: "events 应为数组 / events is an array" })
      .min(1, "events 至少 1 条 / at least one event")
      .max(200, "events 每批最多 200 条 / at most 200 events a batch"),
  })
  .strict()
export type KioskEventsBodyType = z.infer<typeof KioskEventsBody>
