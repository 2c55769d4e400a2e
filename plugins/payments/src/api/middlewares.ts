import { defineMiddlewares } from "@medusajs/framework/http"
import { adminBankTransferMiddlewares } from "./admin/bank-transfers/middlewares"
import { adminCheckoutAttemptMiddlewares } from "./admin/checkout-attempts/middlewares"
import { adminPaymentMiddlewares } from "./admin/payments/middlewares"
import { storeCartPaymentMiddlewares } from "./store/carts/middlewares"
import { storePaymentCollectionMiddlewares } from "./store/payment-collections/middlewares"
import { storePaymentProviderMiddlewares } from "./store/payment-providers/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminPaymentMiddlewares,
    ...adminBankTransferMiddlewares,
    ...adminCheckoutAttemptMiddlewares,
    ...storeCartPaymentMiddlewares,
    ...storePaymentCollectionMiddlewares,
    ...storePaymentProviderMiddlewares,
  ],
})
