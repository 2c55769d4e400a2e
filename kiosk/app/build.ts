/**
 * Builds the kiosk touch app into kiosk/app/dist (esbuild; well under 5 s):
 *   index.html, app.js (React 18), app.css, sw.js (service worker), manifest.webmanifest,
 *   fonts/ (only the Noto Sans SC woff2 files the app uses: chinese-simplified + latin, 400 and 700).
 * Idempotent: the dist directory is rebuilt from scratch each run, and identical sources give identical files.
 *
 *   npm run build -w kiosk          (or: npx tsx kiosk/app/build.ts)
 *   import { buildKioskApp } from "kiosk/app/build"   (tests, npm start)
 */
import { createHash } from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import * as esbuild from "esbuild"

const here = typeof __dirname === "string" ? __dirname : path.dirname(fileURLToPath(import.meta.url))
const require_ = createRequire(path.join(here, "build.ts"))

export const APP_DIR = here
export const DIST_DIR = path.join(here, "dist")

/** The self-hosted font files, in the order of their @font-face rules. */
export const FONT_FILES = [
  "noto-sans-sc-chinese-simplified-400-normal.woff2",
  "noto-sans-sc-chinese-simplified-700-normal.woff2",
  "noto-sans-sc-latin-400-normal.woff2",
  "noto-sans-sc-latin-700-normal.woff2",
] as const

// The latin subset's range as @fontsource declares it; the chinese-simplified subset covers the rest.
const LATIN_RANGE =
  "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"

function fontCss(): string {
  return [400, 700]
    .flatMap((weight) => [
      `@font-face{font-family:"Noto Sans SC";font-style:normal;font-display:swap;font-weight:${weight};src:url(/fonts/noto-sans-sc-chinese-simplified-${weight}-normal.woff2) format("woff2")}`,
      `@font-face{font-family:"Noto Sans SC";font-style:normal;font-display:swap;font-weight:${weight};src:url(/fonts/noto-sans-sc-latin-${weight}-normal.woff2) format("woff2");unicode-range:${LATIN_RANGE}}`,
    ])
    .join("\n")
}

function fontSourceDir(): string {
  return path.join(path.dirname(require_.resolve("@fontsource/noto-sans-sc/package.json")), "files")
}

function indexHtml(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover">
<meta name="theme-color" content="#0f3d3e">
<title>公物仓体验中心 · Experience Centre</title>
<link rel="manifest" href="/manifest.webmanifest">
<link rel="preload" href="/fonts/noto-sans-sc-chinese-simplified-400-normal.woff2" as="font" type="font/woff2" crossorigin>
<link rel="preload" href="/fonts/noto-sans-sc-chinese-simplified-700-normal.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="/app.css">
</head>
<body data-screen="loading">
<div id="root"></div>
<script src="/app.js" defer></script>
</body>
</html>
`
}

const MANIFEST = {
  name: "公物仓体验中心 Experience Centre",
  short_name: "体验中心",
  start_url: "/",
  display: "fullscreen",
  orientation: "any",
  background_color: "#0f3d3e",
  theme_color: "#0f3d3e",
  lang: "zh-CN",
}

let buildCount = 0

export interface BuildResult {
  distDir: string
  version: string
  files: string[]
  ms: number
}

export async function buildKioskApp(options: { outDir?: string; minify?: boolean } = {}): Promise<BuildResult> {
  const started = Date.now()
  const outDir = options.outDir ?? DIST_DIR
  const minify = options.minify ?? true
  const tmp = `${outDir}.tmp-${process.pid}-${Date.now()}-${++buildCount}`
  fs.rmSync(tmp, { recursive: true, force: true })
  fs.mkdirSync(path.join(tmp, "fonts"), { recursive: true })

  const common: esbuild.BuildOptions = {
    bundle: true,
    minify,
    platform: "browser",
    target: ["chrome100"],
    legalComments: "none",
    logLevel: "silent",
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
  }
  const app = await esbuild.build({
    ...common,
    entryPoints: [path.join(here, "src/main.tsx")],
    format: "iife",
    jsx: "automatic",
    outfile: path.join(tmp, "app.js"),
  })
  const appJs = app.outputFiles!.find((f) => f.path.endsWith(".js"))!.text
  const css = `${fontCss()}\n${fs.readFileSync(path.join(here, "src/styles.css"), "utf8")}`
  const html = indexHtml()
  const manifest = `${JSON.stringify(MANIFEST, null, 2)}\n`

  const fontDir = fontSourceDir()
  const hash = createHash("sha256").update(appJs).update(css).update(html).update(manifest)
  for (const file of FONT_FILES) {
    const bytes = fs.readFileSync(path.join(fontDir, file))
    fs.writeFileSync(path.join(tmp, "fonts", file), bytes)
    hash.update(file)
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(here, "..", "package.json"), "utf8")) as { version: string }
  // "<kiosk package version>+<content hash>": the agent reports it as app_version in its heartbeat.
  const version = `${pkg.version}+${hash.digest("hex").slice(0, 12)}`

  const precache = ["/", "/index.html", "/app.js", "/app.css", "/manifest.webmanifest", ...FONT_FILES.map((f) => `/fonts/${f}`)]
  const sw = await esbuild.build({
    ...common,
    entryPoints: [path.join(here, "src/sw.ts")],
    format: "iife",
    outfile: path.join(tmp, "sw.js"),
    define: { ...common.define, __GWC_VERSION__: JSON.stringify(version), __GWC_PRECACHE__: JSON.stringify(precache) },
  })
  fs.writeFileSync(path.join(tmp, "app.js"), appJs)
  fs.writeFileSync(path.join(tmp, "app.css"), css)
  fs.writeFileSync(path.join(tmp, "index.html"), html)
  fs.writeFileSync(path.join(tmp, "manifest.webmanifest"), manifest)
  fs.writeFileSync(path.join(tmp, "sw.js"), sw.outputFiles![0]!.text)
  fs.writeFileSync(path.join(tmp, "version.json"), `${JSON.stringify({ version })}\n`)

  swapIn(tmp, outDir, version)

  const files = listFiles(outDir)
  return { distDir: outDir, version, files, ms: Date.now() - started }
}

function readVersion(dir: string): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, "version.json"), "utf8")) as { version?: string }).version ?? null
  } catch {
    return null
  }
}

/**
 * Puts the new build in place with renames, so an agent serving dist never sees half a build. Two builds at once
 * (test setup and npm start) are fine: if the other one got there first with the same version, ours is dropped.
 */
function swapIn(tmp: string, outDir: string, version: string) {
  for (let attempt = 0; ; attempt++) {
    if (readVersion(outDir) === version && fs.existsSync(outDir) && listFiles(outDir).join() === listFiles(tmp).join()) {
      fs.rmSync(tmp, { recursive: true, force: true })
      return
    }
    const old = `${outDir}.old-${process.pid}-${Date.now()}-${attempt}`
    try {
      if (fs.existsSync(outDir)) fs.renameSync(outDir, old)
      fs.renameSync(tmp, outDir)
      fs.rmSync(old, { recursive: true, force: true })
      return
    } catch (error) {
      fs.rmSync(old, { recursive: true, force: true })
      if (attempt >= 5) throw error
    }
  }
}

function listFiles(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
    )
    .sort()
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.join(here, "build.ts")
if (invokedDirectly) {
  buildKioskApp().then(
    (result) => console.log(`kiosk app 已构建 built → ${path.relative(process.cwd(), result.distDir)} (${result.files.length} files, version ${result.version}, ${result.ms} ms)`),
    (error) => {
      console.error("kiosk app 构建失败 build failed:", error)
      process.exit(1)
    }
  )
}
