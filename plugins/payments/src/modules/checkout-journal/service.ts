import { MedusaService } from "@medusajs/framework/utils"
import { CheckoutAttempt } from "./models/checkout-attempt"

/** CRUD for checkout attempts; the cart completion hooks and the repair workflow write them. */
export default class CheckoutJournalModuleService extends MedusaService({ CheckoutAttempt }) {}
