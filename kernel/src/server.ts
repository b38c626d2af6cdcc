/**
 * The server: tslab's ZmqServer (connection file, sockets, heartbeat, close) with our dispatch.
 * Execute requests run one at a time in arrival order; busy/idle are published when a
 * request's turn comes. After an error with stop_on_error, what was queued is aborted.
 */
import { describeException } from './errors';
import { AnprHandler, type ExecuteReply } from './handler';
import { logKernel } from './log';
import { jupyter, type DisplayData } from './tslab';
import { Message, type Content, type Sendable } from './wire';

// After an error with stop_on_error, execute requests already queued are aborted, and so are
// requests read from ZeroMQ within this many ms whose header.date is not later than the error
// (sent before the client could see it, e.g. buffered while a synchronous cell ran). Requests
// a client sends after seeing the error run normally.
const STOP_ON_ERROR_TIMEOUT_MS = Number(process.env.ANPR_KERNEL_STOP_ON_ERROR_TIMEOUT_MS || 50);

export class AnprServer extends jupyter.ZmqServer {
  constructor(handler: AnprHandler, configPath: string) {
    super(handler, configPath);
    this.anpr = handler;
  }

  private readonly anpr: AnprHandler;
  private queue: Promise<void> = Promise.resolve();
  private abortState: { at: number; until: number } | null = null;

  private publish(parent: Message, msgType: string, content: Content): void {
    parent.child(msgType, content).send(this.connInfo.key, this.iopub as unknown as Sendable, { withIdentity: false });
  }

  // @ts-expect-error tslab's publishStatus takes its own (unexported) message class
  publishStatus(status: string, parent: Message): void {
    this.publish(parent, 'status', { execution_state: status });
  }

  private reply(sock: Sendable, msg: Message, msgType: string, content: Content): void {
    msg.child(msgType, content).send(this.connInfo.key, sock);
  }

  async handleShellMessage(sock: unknown, ...frames: Buffer[]): Promise<void> {
    const socket = sock as Sendable;
    let msg: Message;
    try {
      msg = Message.parse(this.connInfo.key, frames);
    } catch (e) {
      logKernel('dropping a message:', e instanceof Error ? e.message : e);
      return;
    }
    const type = msg.header.msg_type;
    if (type === 'execute_request') {
      msg.receivedAt = Date.now();
      // busy/idle are published when the request's turn comes, not on arrival.
      const turn = this.queue.then(() => this.runExecute(socket, msg));
      this.queue = turn.catch(e => logKernel('execute failed:', e instanceof Error ? e.stack : e));
      return;
    }
    this.publishStatus('busy', msg);
    let terminate = false;
    try {
      const h = this.anpr;
      switch (type) {
        case 'kernel_info_request':
          this.reply(socket, msg, 'kernel_info_reply', h.handleKernel());
          break;
        case 'is_complete_request':
          this.reply(socket, msg, 'is_complete_reply', h.handleIsComplete(msg.content));
          break;
        case 'inspect_request':
          this.reply(socket, msg, 'inspect_reply', h.handleInspect(msg.content as never));
          break;
        case 'complete_request':
          this.reply(socket, msg, 'complete_reply', h.handleComplete(msg.content as never));
          break;
        case 'comm_info_request':
          this.reply(socket, msg, 'comm_info_reply', { status: 'ok', comms: {} });
          break;
        case 'history_request':
          this.reply(socket, msg, 'history_reply', { status: 'ok', history: [] });
          break;
        case 'interrupt_request':
          h.tsExecutor.interrupt();
          this.reply(socket, msg, 'interrupt_reply', { status: 'ok' });
          break;
        case 'shutdown_request':
          this.reply(socket, msg, 'shutdown_reply', h.handleShutdown(msg.content));
          terminate = true;
          break;
        case 'comm_open':
        case 'comm_msg':
        case 'comm_close':
          break; // no comms (ipywidgets) in tslab
        default:
          logKernel(`unknown msg_type: ${type}`);
      }
    } catch (e) {
      logKernel(`${type} failed:`, e instanceof Error ? e.stack : e);
      if (type.endsWith('_request')) {
        this.reply(socket, msg, type.replace(/_request$/, '_reply'), { status: 'error', ...describeException(e) });
      }
    } finally {
      this.publishStatus('idle', msg);
    }
    if (terminate) {
      this.close();
      setTimeout(() => process.exit(0), 200).unref();
    }
  }

  private async runExecute(sock: Sendable, msg: Message): Promise<void> {
    this.publishStatus('busy', msg);
    try {
      if (this.shouldAbort(msg)) {
        this.reply(sock, msg, 'execute_reply', { status: 'aborted' });
        return;
      }
      const io = {
        publish: (type: string, content: Content) => this.publish(msg, type, content),
        stream: (name: string, text: string) => this.publish(msg, 'stream', { name, text }),
        display: (content: DisplayData, update: boolean) =>
          this.publish(msg, update ? 'update_display_data' : 'display_data', {
            data: content.data || {},
            metadata: content.metadata || {},
            transient: content.transient || {}
          })
      };
      let content: ExecuteReply;
      try {
        content = await this.anpr.execute(msg.content, io);
      } catch (e) {
        const err = describeException(e);
        this.publish(msg, 'error', err);
        content = { status: 'error', execution_count: this.anpr.executionCount, ...err };
      }
      // stop_on_error defaults to true in the protocol; nbclient with allow_errors sends false.
      if (content.status === 'error' && msg.content.stop_on_error !== false) this.abortQueued();
      this.reply(sock, msg, 'execute_reply', content);
    } finally {
      this.publishStatus('idle', msg);
    }
  }

  /** Abort what was queued when the error happened (and what ZeroMQ had buffered), like ipykernel. */
  private abortQueued(): void {
    const at = Date.now();
    this.abortState = { at, until: at + STOP_ON_ERROR_TIMEOUT_MS };
  }

  private shouldAbort(msg: Message): boolean {
    const a = this.abortState;
    if (!a) return false;
    if (msg.receivedAt <= a.at) return true; // queued before the error
    if (msg.receivedAt > a.until) return false;
    const sent = Date.parse(msg.header.date);
    return !(sent > a.at); // sent after the error reply: the client knows, run it
  }
}
