/**
 * The Jupyter wire protocol (v5.3): parse, sign and send messages over ZeroMQ. tslab's own
 * ZmqMessage class is not exported, so this small equivalent lives here.
 */
import crypto from 'node:crypto';
import { logKernel } from './log';

export const PROTOCOL_VERSION = '5.3';
const DELIM = Buffer.from('<IDS|MSG>');

export interface Header {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

/** Anything with ZeroMQ's send (a Router or Publisher socket). */
export interface Sendable {
  send(frames: (Buffer | string)[]): unknown;
}

export type Content = Record<string, any>;

/** One Jupyter message. */
export class Message {
  identity: Buffer[] = [];
  header!: Header;
  parent!: Header | Record<string, never>;
  metadata: Content = {};
  content: Content = {};
  buffers: Buffer[] = [];
  /** When the kernel read it (ms since epoch), for stop_on_error. */
  receivedAt = 0;

  /** Parse the frames of a message, checking its HMAC signature when there is a key. */
  static parse(key: string, raw: Buffer[]): Message {
    const idx = raw.findIndex(b => b.equals(DELIM));
    if (idx < 0) throw new Error('message missing delimiter');
    const m = new Message();
    m.identity = raw.slice(0, idx);
    const signature = raw[idx + 1].toString();
    const parts = raw.slice(idx + 2);
    if (key) {
      const h = crypto.createHmac('sha256', key);
      for (const p of parts.slice(0, 4)) h.update(p);
      const a = Buffer.from(h.digest('hex'));
      const b = Buffer.from(signature);
      if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) throw new Error('invalid HMAC signature');
    }
    m.header = JSON.parse(parts[0].toString());
    m.parent = JSON.parse(parts[1].toString());
    m.metadata = JSON.parse(parts[2].toString());
    m.content = JSON.parse(parts[3].toString());
    m.buffers = parts.slice(4);
    return m;
  }

  /** A message in reply to (or published on behalf of) this one. */
  child(msgType: string, content: Content = {}, metadata: Content = {}): Message {
    const m = new Message();
    m.identity = this.identity;
    m.header = {
      msg_id: crypto.randomBytes(16).toString('hex'),
      session: this.header.session,
      username: this.header.username,
      date: new Date().toISOString(),
      msg_type: msgType,
      version: PROTOCOL_VERSION
    };
    m.parent = this.header;
    m.metadata = metadata;
    m.content = content;
    return m;
  }

  /** Sign and send; a full or closed socket must not crash the kernel. */
  send(key: string, sock: Sendable, { withIdentity = true } = {}): void {
    const bodies = [this.header, this.parent, this.metadata, this.content].map(x => JSON.stringify(x));
    const h = crypto.createHmac('sha256', key || '');
    for (const b of bodies) h.update(b);
    const frames = [...(withIdentity ? this.identity : []), DELIM, key ? h.digest('hex') : '', ...bodies, ...this.buffers];
    // zeromq 6 send() returns a promise.
    Promise.resolve(sock.send(frames)).catch((e: Error) => logKernel('send failed:', e && e.message));
  }
}
