import path from "node:path"

export const ROOT_DIR = path.resolve(__dirname, "../../..")
export const BACKEND_DIR = path.join(ROOT_DIR, "backend")
export const PLUGINS_DIR = path.join(ROOT_DIR, "plugins")
export const STOREFRONT_DIR = path.join(ROOT_DIR, "storefront")
export const MEDUSA_BUILD_DIR = path.join(BACKEND_DIR, ".medusa", "server")
/** Everything a running stack keeps: database files, media, stack facts. Git-ignored. */
export const DATA_DIR = path.resolve(process.env.GWC_DATA_DIR || path.join(ROOT_DIR, ".data"))
export const STACK_FILE = path.join(DATA_DIR, "dev-stack.json")
export const ENV_FILE = path.resolve(process.env.GWC_ENV_FILE || path.join(ROOT_DIR, ".env"))
/** The Medusa CLI entry; run with `node` so no npx/npm wrapper sits between us and the process. */
export const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [BACKEND_DIR] })
