import { MedusaService } from "@medusajs/framework/utils"
import { Host } from "./models/host"
import { HostGrant } from "./models/host-grant"
import { LiveSession } from "./models/live-session"
import { LineupItem } from "./models/lineup-item"
import { Pin } from "./models/pin"

/** CRUD for hosts, sessions, lineups and pins; the rules live in lib/ and the workflows. */
export default class LivestreamModuleService extends MedusaService({
  Host,
  HostGrant,
  LiveSession,
  LineupItem,
  Pin,
}) {}
