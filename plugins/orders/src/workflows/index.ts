export * from "./accept-order"
export * from "./get-order-progress"
export * from "./set-cart-invoice"
export * from "./steps"
