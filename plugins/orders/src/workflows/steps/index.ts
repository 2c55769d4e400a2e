export * from "./create-order-acceptance"
export * from "./load-customer-order"
export * from "./validate-cart-invoice-access"
export * from "./validate-order-acceptance"
