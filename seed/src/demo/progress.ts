import cliProgress from "cli-progress"

/** Progress of a long seed run: a bar on a terminal, one line per step elsewhere (CI logs). */
export interface SeedProgress {
  start(total: number): void
  step(label: string): void
  advance(n: number, label: string): void
  stop(): void
}

export function createSeedProgress(stream: NodeJS.WriteStream = process.stdout): SeedProgress {
  if (!stream.isTTY) {
    let done = 0
    let total = 0
    let lastPercentLogged = -1
    const log = (label: string) => {
      const percent = total ? Math.floor((done / total) * 100) : 0
      // Every step, but at most every 10 % for long runs of products.
      if (label.startsWith("products") && percent - lastPercentLogged < 10 && done < total) return
      lastPercentLogged = percent
      stream.write(`[seed] ${String(percent).padStart(3)}% ${done}/${total} ${label}\n`)
    }
    return {
      start: (n) => { total = n },
      step: (label) => { done += 1; log(label) },
      advance: (n, label) => { done += n; log(label) },
      stop: () => stream.write(`[seed] done\n`),
    }
  }
  const bar = new cliProgress.SingleBar(
    { format: "种子数据 seed |{bar}| {percentage}% {value}/{total} {label}", hideCursor: true, stream },
    cliProgress.Presets.shades_classic
  )
  return {
    start: (n) => bar.start(n, 0, { label: "" }),
    step: (label) => bar.increment(1, { label }),
    advance: (n, label) => bar.increment(n, { label }),
    stop: () => bar.stop(),
  }
}
