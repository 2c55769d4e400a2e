import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { platformFacts } from "../../../../lib/platform-facts"

type InfoRequest = MedusaRequest & {
  // Set by Medusa's publishable-key middleware on every /store route.
  publishable_key_context?: { key: string; sales_channel_ids: string[] }
}

/**
 * GET /store/platform/info — who we are, which channels exist (and which one the caller's
 * publishable key belongs to), and the platform's clock.
 */
export const GET = async (req: InfoRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "name", "description", "is_disabled"],
    filters: { is_disabled: false },
  })
  const ownChannelIds = new Set(req.publishable_key_context?.sales_channel_ids ?? [])

  res.json({
    platform: platformFacts(new Date()),
    channels: channels
      .map((channel) => ({
        id: channel.id,
        name: channel.name,
        description: channel.description ?? null,
        is_current: ownChannelIds.has(channel.id),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  })
}
