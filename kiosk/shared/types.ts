/**
 * The contract between the reader agent, the kiosk app and the backend's /kiosk routes. It is
 * defined once, in the showroom plugin (which is compiled on its own and cannot import this
 * workspace); the agent and the app import the types from here. Type-only: nothing of the plugin
 * reaches the kiosk's bundles.
 */
export type {
  TagRead,
  KioskTagEvent,
  LocalizedRow,
  KioskProduct,
  KioskExhibit,
  KioskThemeEvent,
  KioskTheme,
  KioskBundle,
} from "../../plugins/showroom/src/lib/kiosk-types"
