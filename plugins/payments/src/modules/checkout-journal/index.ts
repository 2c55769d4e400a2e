import { Module } from "@medusajs/framework/utils"
import CheckoutJournalModuleService from "./service"

export const CHECKOUT_JOURNAL_MODULE = "checkoutJournal"

export default Module(CHECKOUT_JOURNAL_MODULE, {
  service: CheckoutJournalModuleService,
})
