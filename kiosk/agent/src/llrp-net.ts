/**
 * llrpjs 1.0.1 LLRPClient / LLRPServer with one fix: the library decodes at most ONE message per
 * TCP 'data' chunk (LLRPNet.onData calls scanner.getNext() once), so when two messages arrive in
 * the same chunk (a response followed by a report, or two reports) the second one waits in the
 * buffer until more bytes arrive — or is lost. These subclasses drain every complete message.
 *
 * llrpjs ships TypeScript sources as its typings; its generic types are deep, so this module
 * exposes small structural types of the parts the agent and simulator use.
 */
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const llrp = require("llrpjs") as { LLRPClient: any; LLRPServer: any; LLRPCore: Record<string, any> }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LLRPProxyMessage } = require("llrpjs/dist/src/proxy/message.js") as { LLRPProxyMessage: any }

export const LLRPCore = llrp.LLRPCore

/** A decoded LLRP message (typed llrpjs message). */
export interface LlrpMessage {
  getName(): string
  [getter: string]: any
}

export interface LlrpPeer {
  on(event: string, listener: (msg: any) => void): this
  off(event: string, listener: (msg: any) => void): this
  send(msg: unknown): Promise<void>
  recv(timeoutMs?: number): Promise<LlrpMessage>
  transact(msg: unknown, timeoutMs?: number): Promise<LlrpMessage>
  disconnect(): Promise<void>
  readonly socketWritable: boolean
}

export interface LlrpClient extends LlrpPeer {
  connect(): Promise<void>
}

export interface LlrpServer extends LlrpPeer {
  listen(): void
  close(): Promise<void>
  /** the bound address once listening */
  address(): { port: number; address: string } | null
  /** the underlying net.Server */
  readonly netServer: import("node:net").Server
  /** the accepted socket (one connection at a time, like a reader) */
  readonly socket: import("node:net").Socket | null
}

function drainAll<T extends new (...args: any[]) => any>(Base: T) {
  return class extends Base {
    async onData(data: Buffer) {
      const self = this as any
      self._scanner.addBuffer(data)
      for (;;) {
        let buf: Buffer | null
        try {
          buf = self._scanner.getNext()
        } catch (e) {
          self._scanner.resetBuffer()
          self._ee.emit("error", e)
          return
        }
        if (!buf) return
        let msg: any
        try {
          msg = new LLRPProxyMessage(buf).decode()
        } catch (e) {
          self._ee.emit("error", e)
          continue
        }
        self._ee.emit("message", msg)
        self._ee.emit(msg.getName(), msg)
      }
    }
  }
}

const Client = drainAll(llrp.LLRPClient)
const Server = drainAll(llrp.LLRPServer)

export function createLlrpClient(options: { host: string; port: number }): LlrpClient {
  const c = new Client(options) as any
  // llrpjs does not expose the socket; closing a half-connected socket needs it
  return c as LlrpClient
}

/** Destroys the client's socket immediately (llrpjs' disconnect waits for a graceful end). */
export function destroyLlrpClient(client: LlrpClient): void {
  const tcp = (client as any)._tcp as import("node:net").Socket | null | undefined
  tcp?.destroy()
}

export function createLlrpServer(options: { host: string; port: number }): LlrpServer {
  const s = new Server(options) as any
  Object.defineProperty(s, "netServer", { get: () => s._server })
  Object.defineProperty(s, "socket", { get: () => s._tcp ?? null })
  s.address = () => {
    const a = s._server?.address()
    return a && typeof a === "object" ? { port: a.port, address: a.address } : null
  }
  return s as LlrpServer
}

/**
 * Sends a request and waits for its response by name. (llrpjs' own transact() spins forever when
 * any other message — a KEEPALIVE, a report — arrives before the response.)
 */
export function transact(peer: LlrpPeer, msg: any, timeoutMs = 5000): Promise<LlrpMessage> {
  const responseName: string = msg.getResponseName()
  return new Promise<LlrpMessage>((resolve, reject) => {
    const onResponse = (rsp: LlrpMessage) => {
      clearTimeout(timer)
      peer.off(responseName, onResponse)
      resolve(rsp)
    }
    const timer = setTimeout(() => {
      peer.off(responseName, onResponse)
      reject(new Error(`${msg.getName()}: no ${responseName} within ${timeoutMs} ms`))
    }, timeoutMs)
    peer.on(responseName, onResponse)
    peer.send(msg).catch((err: Error) => {
      clearTimeout(timer)
      peer.off(responseName, onResponse)
      reject(err)
    })
  })
}
