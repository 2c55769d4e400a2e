import fs from "node:fs"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"

type OverdueJob = { flagOverduePayOnAcceptance: (container: MedusaContainer, now?: Date) => Promise<string[]> }

/**
 * `medusa exec` script for tests (tests/support/payments.ts runOverdueJob): runs the payments
 * plugin's overdue job function, as built and loaded by the app, at each moment of
 * GWC_JOB_MOMENTS (a JSON array of ISO times) and writes the flagged ids per run to GWC_JOB_REPORT.
 */
export default async function runOverdueJob({ container }: ExecArgs) {
  const moments = JSON.parse(process.env.GWC_JOB_MOMENTS ?? "[]") as string[]
  const report = process.env.GWC_JOB_REPORT
  if (!report) throw new Error("GWC_JOB_REPORT is required")
  // The plugin's compiled job (its package exports map ./* to .medusa/server/src/*).
  const jobModule = "@gongwucang/payments/jobs/flag-overdue-pay-on-acceptance"
  const job = (await import(jobModule)) as OverdueJob
  const flagged: string[][] = []
  for (const moment of moments) flagged.push(await job.flagOverduePayOnAcceptance(container, new Date(moment)))
  fs.writeFileSync(report, JSON.stringify(flagged))
}
