import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { BankTransferPaymentProvider } from "./bank-transfer"
import { OfficialCardPaymentProvider } from "./official-card"
import { PayOnAcceptancePaymentProvider } from "./pay-on-acceptance"

/**
 * The offline payment providers, registered in medusa-config under the Payment Module as
 * `{ resolve: "@gongwucang/payments/providers/offline", id: "offline", options }`:
 * `pp_bank-transfer_offline` (对公转账), `pp_official-card_offline` (公务卡) and
 * `pp_pay-on-acceptance_offline` (验收后付款). They share the options object.
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [BankTransferPaymentProvider, OfficialCardPaymentProvider, PayOnAcceptancePaymentProvider],
})
