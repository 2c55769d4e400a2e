export * from "./engine"
export * from "./filters"
export * from "./text"
