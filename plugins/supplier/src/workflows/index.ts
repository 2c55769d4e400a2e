export * from "./register-supplier"
export * from "./review-supplier"
