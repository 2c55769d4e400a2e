export * from "./exhibits"
export * from "./themes"
export * from "./attribution"
export * from "./steps"
