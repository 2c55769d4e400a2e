export * from "./sessions"
export * from "./steps"
