import { MedusaService } from "@medusajs/framework/utils"
import { Centre } from "./models/centre"
import { Zone } from "./models/zone"
import { Exhibit } from "./models/exhibit"
import { RfidTag } from "./models/rfid-tag"
import { Theme } from "./models/theme"
import { ThemeEvent } from "./models/theme-event"
import { EventSignup } from "./models/event-signup"
import { Kiosk } from "./models/kiosk"
import { KioskEvent } from "./models/kiosk-event"
import { QrScan } from "./models/qr-scan"
import { OrderAttribution } from "./models/order-attribution"

/** CRUD for the experience centre's records; the rules live in workflows and lib/. */
export default class ShowroomModuleService extends MedusaService({
  Centre,
  Zone,
  Exhibit,
  RfidTag,
  Theme,
  ThemeEvent,
  EventSignup,
  Kiosk,
  KioskEvent,
  QrScan,
  OrderAttribution,
}) {
  /**
   * Query reads records across a module link with `list<Entity>s`, the entity named after the
   * model (`showroom_order_attribution` → ShowroomOrderAttribution), while MedusaService names
   * its methods after the keys above (listOrderAttributions). This is the bridge for the
   * order ↔ showroom_order_attribution link (`order.showroom_order_attribution`).
   */
  async listShowroomOrderAttributions(...args: Parameters<ShowroomModuleService["listOrderAttributions"]>) {
    return this.listOrderAttributions(...args)
  }
}
