import { defineMiddlewares } from "@medusajs/framework/http"
import { adminBankTransferMiddlewares } from "./admin/bank-transfers/middlewares"
import { adminPaymentMiddlewares } from "./admin/payments/middlewares"
import { storeCartPaymentMiddlewares } from "./store/carts/middlewares"
import { storePaymentCollectionMiddlewares } from "./store/payment-collections/middlewares"
import { storePaymentProviderMiddlewares } from "./store/payment-providers/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminPaymentMiddlewares,
    ...adminBankTransferMiddlewares,
    ...storeCartPaymentMiddlewares,
    ...storePaymentCollectionMiddlewares,
    ...storePaymentProviderMiddlewares,
  ],
})
