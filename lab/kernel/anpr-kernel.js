#!/usr/bin/env node
// The project's Jupyter kernel entry point: tslab 1.0.22's TypeScript executor, converter and
// ZeroMQ sockets, with the message handling Jupyter clients expect (issue 7). tslab's files in
// node_modules are not touched; this file requires them and replaces only the execute path.
//
//   node lab/kernel/anpr-kernel.js kernel --config-path <connection_file> [--js]
//
// What changes compared with `tslab kernel` (see the README section "The tslab kernel"):
// - execute_input on iopub, an incrementing execution_count in execute_input/_reply/_result;
// - the cell's last value as execute_result (util.inspect text, a `Symbol.for('jupyter.mimebundle')`
//   bundle, or an Arquero table as HTML), instead of console.log to stdout;
// - `error` messages and error replies (ename/evalue/traceback) for exceptions and for TypeScript
//   diagnostics (ename TSError), instead of text on stderr;
// - queued execute requests are aborted (status 'aborted') after an error only when the failing
//   request had stop_on_error true, instead of everything arriving within 200 ms;
// - kernel_info_reply has status 'ok'; is_complete says 'invalid' for code that cannot parse;
//   comm_info/history/interrupt requests get proper replies.
'use strict';

const path = require('path');
const util = require('util');
const crypto = require('crypto');

// tslab as installed next to this project (the kernelspec runs this file, not tslab's binary).
const TSLAB_DIR = path.dirname(require.resolve('tslab/package.json', { paths: [__dirname] }));
const tslabDist = name => require(path.join(TSLAB_DIR, 'dist', name));
const { createConverter, isCompleteCode } = tslabDist('converter');
const { createExecutor } = tslabDist('executor');
// The same module instance tslab's public `display` API (and kernel-lib's show()) read
// `lastWriteDisplayData` from.
const jupyter = tslabDist('jupyter');
const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [TSLAB_DIR] }));

const MIMEBUNDLE = Symbol.for('jupyter.mimebundle');
const PROTOCOL_VERSION = '5.3';
const DELIM = Buffer.from('<IDS|MSG>');
// After an error with stop_on_error, execute requests already queued are aborted, and so are
// requests read from ZeroMQ within this many ms whose header.date is not later than the error
// (sent before the client could see it, e.g. buffered while a synchronous cell ran). Requests
// a client sends after seeing the error run normally.
const STOP_ON_ERROR_TIMEOUT_MS = Number(process.env.ANPR_KERNEL_STOP_ON_ERROR_TIMEOUT_MS || 50);

// Kernel diagnostics go to the real stderr (the server log), never to a notebook cell:
// tslab points process.stdout/stderr.write at the last cell's iopub stream.
const realStderrWrite = process.stderr.write.bind(process.stderr);
const logKernel = (...args) => realStderrWrite(`[anpr-kernel] ${util.format(...args)}\n`);

// ---------------------------------------------------------------------------------------------
// Wire protocol (tslab's ZmqMessage class is not exported, so a small equivalent lives here).

class Message {
  static parse(key, raw) {
    const idx = raw.findIndex(b => b.equals(DELIM));
    if (idx < 0) throw new Error('message missing delimiter');
    const m = new Message();
    m.identity = raw.slice(0, idx);
    const signature = raw[idx + 1].toString();
    const parts = raw.slice(idx + 2);
    if (key) {
      const h = crypto.createHmac('sha256', key);
      for (const p of parts.slice(0, 4)) h.update(p);
      const want = h.digest('hex');
      const a = Buffer.from(want), b = Buffer.from(signature);
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
  child(msgType, content = {}, metadata = {}) {
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
    m.buffers = [];
    return m;
  }

  send(key, sock, { withIdentity = true } = {}) {
    const bodies = [this.header, this.parent, this.metadata, this.content].map(x => JSON.stringify(x));
    const h = crypto.createHmac('sha256', key || '');
    for (const b of bodies) h.update(b);
    const frames = [...(withIdentity ? this.identity : []), DELIM, key ? h.digest('hex') : '', ...bodies, ...this.buffers];
    // zeromq 6 send() returns a promise; a full/closed socket must not crash the kernel.
    Promise.resolve(sock.send(frames)).catch(e => logKernel('send failed:', e && e.message));
  }
}

// ---------------------------------------------------------------------------------------------
// Values → MIME bundles (the cell's last value, and objects passed to tslab's display API).

function hasMimeBundle(v) {
  return v != null && (typeof v === 'object' || typeof v === 'function') && typeof v[MIMEBUNDLE] === 'function';
}

function isArqueroTable(v) {
  return v != null && typeof v === 'object' && typeof v.toHTML === 'function' && typeof v.numRows === 'function';
}

/** The rich form of `v`, or null when it has none (then text/plain via util.inspect is used). */
function richBundle(v) {
  if (hasMimeBundle(v)) {
    const b = v[MIMEBUNDLE]();
    if (b && typeof b === 'object' && b.data && typeof b.data === 'object') return { data: b.data, metadata: b.metadata || {} };
    if (b && typeof b === 'object') return { data: b, metadata: {} };
    throw new TypeError('[Symbol.for("jupyter.mimebundle")]() must return { data, metadata }');
  }
  if (isArqueroTable(v)) {
    const rows = v.numRows();
    const cols = typeof v.numCols === 'function' ? v.numCols() : undefined;
    let plain = `Table (${rows} rows${cols != null ? `, ${cols} columns` : ''})`;
    if (typeof v.toMarkdown === 'function') plain += '\n' + v.toMarkdown({ limit: 20 });
    return { data: { 'text/html': v.toHTML({ limit: 20 }), 'text/plain': plain }, metadata: {} };
  }
  return null;
}

function valueBundle(v) {
  return richBundle(v) || { data: { 'text/plain': util.inspect(v) }, metadata: {} };
}

/** tslab's display.raw(mime, x) with x a displayable object: send x's own bundle instead. */
function expandDisplayContent(content) {
  const data = (content && content.data) || {};
  const keys = Object.keys(data);
  if (keys.length === 1) {
    const v = data[keys[0]];
    const rich = v && typeof v === 'object' && !Buffer.isBuffer(v) ? richBundle(v) : null;
    if (rich) return { ...content, data: rich.data, metadata: { ...(content.metadata || {}), ...rich.metadata } };
  }
  return content;
}

// ---------------------------------------------------------------------------------------------
// Errors → ename / evalue / traceback.

const RED = s => `\u001b[0;31m${s}\u001b[0m`;
// Frames from here on are the kernel's machinery, not the user's code.
const INTERNAL_FRAME = /\(node:vm[:)]|\bnode:vm:|[\\/]tslab[\\/]dist[\\/]|anpr-kernel\.js/;

function describeException(e) {
  if (e instanceof Error || (e && typeof e === 'object' && typeof e.message === 'string' && typeof e.stack === 'string')) {
    let ename = typeof e.name === 'string' && e.name ? e.name : 'Error';
    const ctor = e.constructor && e.constructor.name;
    if (ename === 'Error' && ctor && ctor !== 'Error' && ctor !== 'Object') ename = ctor;
    const evalue = String(e.message);
    // Node's stack: for errors thrown by vm code it starts with "evalmachine.<anonymous>:N",
    // the compiled line and a caret (the compiled JS, not the cell), then "Name: message",
    // then the frames. Keep the message and the frames of the user's code.
    const lines = typeof e.stack === 'string' ? e.stack.split('\n') : [];
    const frames = [];
    let i = lines.findIndex(l => /^\s+at /.test(l));
    for (; i >= 0 && i < lines.length; i++) {
      if (INTERNAL_FRAME.test(lines[i])) break;
      frames.push(lines[i].replace(/evalmachine\.<anonymous>/g, '<compiled cell>'));
    }
    const traceback = [`${RED(ename)}: ${evalue}`, ...frames];
    // Errors with a cause (new Error(msg, { cause })) show it like Node does.
    if (e.cause !== undefined) traceback.push(`[cause]: ${util.inspect(e.cause)}`);
    return { ename, evalue, traceback };
  }
  const evalue = util.inspect(e);
  return { ename: 'Uncaught', evalue, traceback: [`${RED('Uncaught')} ${evalue}`] };
}

function describeDiagnostics(diags, code) {
  const srcLines = String(code).split('\n');
  const one = d => `${d.fileName ? d.fileName + ' ' : ''}${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}${d.code ? ` (TS${d.code})` : ''}`;
  const evalue = diags.map(one).join('\n');
  const traceback = [];
  for (const d of diags) {
    traceback.push(`${RED('TSError')}: ${one(d)}`);
    if (!d.fileName && d.start.line >= 0 && d.start.line < srcLines.length) {
      const width = d.end && d.end.line === d.start.line ? Math.max(1, d.end.character - d.start.character) : 1;
      traceback.push('  ' + srcLines[d.start.line]);
      traceback.push('  ' + ' '.repeat(d.start.character) + RED('~'.repeat(width)));
    }
  }
  return { ename: 'TSError', evalue, traceback };
}

// ---------------------------------------------------------------------------------------------
// tslab rewrites a reference to an earlier cell's variable `x` as `exports.x`, but misses the
// shorthand property `{ x }` (the checker resolves that name to the property, not the variable),
// so `{ x }` throws "ReferenceError: x is not defined". Writing the cell's shorthands out as
// `{ x: x }` before tslab compiles it is equivalent and avoids that.

function expandShorthands(code) {
  const sf = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  if (sf.parseDiagnostics && sf.parseDiagnostics.length) return { code, mapPos: p => p };
  const edits = [];
  const visit = node => {
    if (ts.isShorthandPropertyAssignment(node)) edits.push({ pos: node.name.getEnd(), text: ': ' + node.name.getText(sf) });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!edits.length) return { code, mapPos: p => p };
  edits.sort((a, b) => a.pos - b.pos);
  let out = '';
  let last = 0;
  const byLine = new Map(); // line -> [{ at (char in the rewritten line), len }]
  let shiftLine = -1;
  let shift = 0;
  for (const e of edits) {
    out += code.slice(last, e.pos) + e.text;
    last = e.pos;
    const { line, character } = sf.getLineAndCharacterOfPosition(e.pos);
    if (line !== shiftLine) (shiftLine = line), (shift = 0);
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line).push({ at: character + shift, len: e.text.length });
    shift += e.text.length;
  }
  out += code.slice(last);
  // Diagnostic positions in the rewritten cell → positions in the cell as written.
  const mapPos = p => {
    if (!p || !byLine.has(p.line)) return p;
    let ch = p.character;
    for (const ins of byLine.get(p.line)) {
      if (p.character >= ins.at + ins.len) ch -= ins.len;
      else if (p.character > ins.at) ch -= p.character - ins.at;
    }
    return { ...p, character: ch };
  };
  return { code: out, mapPos };
}

// ---------------------------------------------------------------------------------------------
// is_complete with TypeScript's parser.

/** A parse diagnostic that only says the code stops too early (more input would fix it). */
function isUnexpectedEnd(d, end) {
  const msg = typeof d.messageText === 'string' ? d.messageText : d.messageText && d.messageText.messageText;
  if (typeof msg !== 'string') return false;
  if (/^Unterminated (template literal|regular expression literal)/.test(msg)) return true;
  return d.start >= end && msg.endsWith(' expected.');
}

function isComplete(code) {
  const forced = /(^|\n)\s*\n\s*$/.test(code); // two blank lines: the user insists
  const src = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diags = src.parseDiagnostics || [];
  const end = code.replace(/\s+$/, '').length;
  if (diags.some(d => !isUnexpectedEnd(d, end))) return { status: 'invalid' };
  if (diags.length && !forced) {
    const tslab = isCompleteCode(code);
    return { status: 'incomplete', indent: (tslab && tslab.indent) || '' };
  }
  return { status: 'complete' };
}

// ---------------------------------------------------------------------------------------------
// The handler: tslab's JupyterHandlerImpl (kernel info, inspect, complete, stream redirection)
// with an execute path that reports values and errors as Jupyter messages.

// tslab's converter drives TypeScript's watch program with a one-slot fake timer; when a file
// it watches changes on disk (a rebuilt library .d.ts, node_modules) TypeScript may arm a
// second timer and every later convert throws "Unexpected pending rebuildTimer". A fresh
// converter (same previous declarations, passed in on every call) recovers.
const CONVERTER_TIMER_BUG = /pending rebuildTimer|rebuildTimer is not set|clearing unexpected tiemr/;

class ConverterSet {
  constructor(isJS, onConvert, onModule) {
    this.isJS = isJS;
    this.onConvert = onConvert;
    this.onModule = onModule;
    this.raw = {};
    this.wrapped = {};
  }
  rawConverter(kind) {
    if (!this.raw[kind]) this.raw[kind] = createConverter({ isJS: this.isJS, isBrowser: kind === 'browser' });
    return this.raw[kind];
  }
  call(kind, method, args) {
    try {
      return this.rawConverter(kind)[method](...args);
    } catch (e) {
      if (!(e && CONVERTER_TIMER_BUG.test(String(e.message)))) throw e;
      logKernel(`converter failed (${e.message}); recreating it`);
      try {
        this.raw[kind].close();
      } catch {
        /* already broken */
      }
      this.raw[kind] = null;
      return this.rawConverter(kind)[method](...args);
    }
  }
  wrap(kind) {
    // Observe the converter's structured results (diagnostics, last-expression variable);
    // the executor itself only prints them.
    return {
      close: () => this.raw[kind] && this.raw[kind].close(),
      inspect: (...args) => this.call(kind, 'inspect', args),
      complete: (...args) => this.call(kind, 'complete', args),
      convert: (...args) => {
        const r = this.call(kind, 'convert', args);
        this.onConvert(r);
        return r;
      },
      addModule: (...args) => {
        const d = this.call(kind, 'addModule', args);
        this.onModule(d);
        return d;
      }
    };
  }
  get node() {
    if (!this.wrapped.node) {
      this.rawConverter('node');
      this.wrapped.node = this.wrap('node');
    }
    return this.wrapped.node;
  }
  get browser() {
    if (!this.wrapped.browser) {
      this.rawConverter('browser');
      this.wrapped.browser = this.wrap('browser');
    }
    return this.wrapped.browser;
  }
  close() {
    for (const c of Object.values(this.raw)) if (c) c.close();
  }
}

class AnprHandler extends jupyter.JupyterHandlerImpl {
  constructor(isJs) {
    let run = null; // state of the execution in progress
    const convs = new ConverterSet(
      isJs,
      r => run && (run.converted = r),
      d => run && (run.moduleDiagnostics = d)
    );
    convs.node; // warm the Node converter, as tslab does
    const executor = createExecutor(process.cwd(), convs, {
      // The executor calls log() only with the cell's last value and error() with an exception
      // or with printf-style diagnostics (which we take structured from the converter instead).
      log: (...args) => {
        if (run) run.value = { v: args[0] };
        else process.stdout.write(util.format(...args) + '\n');
      },
      error: (...args) => {
        if (run && args.length === 1) run.exception = { e: args[0] };
        else if (!run) process.stderr.write(util.format(...args) + '\n');
      }
    });
    super(executor, isJs);
    this.execCount = 0;
    this.setRun = r => (run = r);
  }

  handleKernel() {
    const reply = super.handleKernel();
    reply.status = 'ok';
    reply.protocol_version = PROTOCOL_VERSION;
    reply.implementation = this.isJs ? 'jslab-anpr' : 'tslab-anpr';
    reply.implementation_version = require(path.join(TSLAB_DIR, 'package.json')).version;
    if (!this.isJs) reply.language_info.version = ts.version;
    reply.banner = `${reply.banner} (tslab ${reply.implementation_version}, TypeScript ${ts.version}, Node.js ${process.version})`;
    reply.help_links = [{ text: 'tslab', url: 'https://github.com/yunabe/tslab' }];
    return reply;
  }

  handleIsComplete(req) {
    return isComplete(req.code || '');
  }

  handleShutdown(req) {
    return { status: 'ok', restart: !!(req && req.restart) };
  }

  /**
   * Run one execute_request. `io` publishes on iopub for this request.
   * Returns the execute_reply content.
   */
  async execute(content, io) {
    const code = String(content.code || '');
    const silent = !!content.silent;
    if (!silent && content.store_history !== false) this.execCount++;
    const count = this.execCount;
    if (!silent) io.publish('execute_input', { code, execution_count: count });

    // Output written while (and after) this cell runs goes to its stream, like ipykernel.
    process.stdout.write = this.createWriteToIopub('stdout', io.stream);
    process.stderr.write = this.createWriteToIopub('stderr', io.stream);
    jupyter.lastWriteDisplayData = (data, update) => {
      let c = data;
      try {
        c = expandDisplayContent(data);
      } catch (e) {
        logKernel('display bundle failed:', e && e.message);
      }
      io.display(c, update);
    };

    const run = { converted: null, moduleDiagnostics: null, value: undefined, exception: undefined };
    this.setRun(run);
    const rewritten = expandShorthands(code);
    let ok;
    try {
      ok = await this.executor.execute(rewritten.code);
    } catch (e) {
      // tslab itself failed (e.g. inside the compiler): still an error of this cell.
      run.exception = { e };
      ok = false;
    } finally {
      this.setRun(null);
    }

    let err = null;
    const diags = ((run.converted && run.converted.diagnostics) || []).map(d =>
      d.fileName ? d : { ...d, start: rewritten.mapPos(d.start), end: rewritten.mapPos(d.end) }
    );
    if (diags.length) err = describeDiagnostics(diags, code);
    else if (run.moduleDiagnostics && run.moduleDiagnostics.length) err = describeDiagnostics(run.moduleDiagnostics, code);
    else if (!ok) err = run.exception ? describeException(run.exception.e) : { ename: 'Error', evalue: 'execution failed', traceback: ['execution failed'] };

    if (!err) {
      // The last expression's value. tslab's executor hands over only non-null values;
      // null/undefined stay in its locals under the converter's variable name.
      let value = run.value;
      const lastVar = run.converted && run.converted.lastExpressionVar;
      if (lastVar && Object.prototype.hasOwnProperty.call(this.executor.locals, lastVar)) {
        if (!value) value = { v: this.executor.locals[lastVar] };
        delete this.executor.locals[lastVar];
      }
      if (value && value.v !== undefined && !silent) {
        try {
          const b = valueBundle(value.v);
          io.publish('execute_result', { execution_count: count, data: b.data, metadata: b.metadata });
        } catch (e) {
          err = describeException(e);
        }
      }
    }

    if (err) {
      io.publish('error', err);
      return { status: 'error', execution_count: count, ...err };
    }
    return { status: 'ok', execution_count: count, payload: [], user_expressions: {} };
  }
}

// ---------------------------------------------------------------------------------------------
// The server: tslab's ZmqServer (connection file, sockets, heartbeat, close) with our dispatch.

class AnprServer extends jupyter.ZmqServer {
  constructor(handler, configPath) {
    super(handler, configPath);
    this.queue = Promise.resolve(); // execute requests run one at a time, in arrival order
    this.abortState = null; // { at, until } after an error with stop_on_error
  }

  publish(parent, msgType, content) {
    parent.child(msgType, content).send(this.connInfo.key, this.iopub, { withIdentity: false });
  }

  publishStatus(status, parent) {
    this.publish(parent, 'status', { execution_state: status });
  }

  reply(sock, msg, msgType, content) {
    msg.child(msgType, content).send(this.connInfo.key, sock);
  }

  async handleShellMessage(sock, ...frames) {
    let msg;
    try {
      msg = Message.parse(this.connInfo.key, frames);
    } catch (e) {
      logKernel('dropping a message:', e && e.message);
      return;
    }
    const type = msg.header.msg_type;
    if (type === 'execute_request') {
      msg.receivedAt = Date.now();
      // busy/idle are published when the request's turn comes, not on arrival.
      const turn = this.queue.then(() => this.runExecute(sock, msg));
      this.queue = turn.catch(e => logKernel('execute failed:', e && e.stack));
      return;
    }
    this.publishStatus('busy', msg);
    let terminate = false;
    try {
      const h = this.handler;
      switch (type) {
        case 'kernel_info_request':
          this.reply(sock, msg, 'kernel_info_reply', h.handleKernel());
          break;
        case 'is_complete_request':
          this.reply(sock, msg, 'is_complete_reply', h.handleIsComplete(msg.content));
          break;
        case 'inspect_request':
          this.reply(sock, msg, 'inspect_reply', h.handleInspect(msg.content));
          break;
        case 'complete_request':
          this.reply(sock, msg, 'complete_reply', h.handleComplete(msg.content));
          break;
        case 'comm_info_request':
          this.reply(sock, msg, 'comm_info_reply', { status: 'ok', comms: {} });
          break;
        case 'history_request':
          this.reply(sock, msg, 'history_reply', { status: 'ok', history: [] });
          break;
        case 'interrupt_request':
          h.executor.interrupt();
          this.reply(sock, msg, 'interrupt_reply', { status: 'ok' });
          break;
        case 'shutdown_request':
          this.reply(sock, msg, 'shutdown_reply', h.handleShutdown(msg.content));
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
      logKernel(`${type} failed:`, e && e.stack);
      if (type.endsWith('_request')) {
        this.reply(sock, msg, type.replace(/_request$/, '_reply'), { status: 'error', ...describeException(e) });
      }
    } finally {
      this.publishStatus('idle', msg);
    }
    if (terminate) {
      this.close();
      setTimeout(() => process.exit(0), 200).unref();
    }
  }

  async runExecute(sock, msg) {
    this.publishStatus('busy', msg);
    try {
      if (this.shouldAbort(msg)) {
        this.reply(sock, msg, 'execute_reply', { status: 'aborted' });
        return;
      }
      const io = {
        publish: (type, content) => this.publish(msg, type, content),
        stream: (name, text) => this.publish(msg, 'stream', { name, text }),
        display: (content, update) => this.publish(msg, update ? 'update_display_data' : 'display_data', {
          data: content.data || {},
          metadata: content.metadata || {},
          transient: content.transient || {}
        })
      };
      let content;
      try {
        content = await this.handler.execute(msg.content, io);
      } catch (e) {
        const err = describeException(e);
        this.publish(msg, 'error', err);
        content = { status: 'error', execution_count: this.handler.execCount, ...err };
      }
      // stop_on_error defaults to true in the protocol; nbclient with allow_errors sends false.
      if (content.status === 'error' && msg.content.stop_on_error !== false) this.abortQueued();
      this.reply(sock, msg, 'execute_reply', content);
    } finally {
      this.publishStatus('idle', msg);
    }
  }

  /** Abort what was queued when the error happened (and what ZeroMQ had buffered), like ipykernel. */
  abortQueued() {
    const at = Date.now();
    this.abortState = { at, until: at + STOP_ON_ERROR_TIMEOUT_MS };
  }

  shouldAbort(msg) {
    const a = this.abortState;
    if (!a) return false;
    if (msg.receivedAt <= a.at) return true; // queued before the error
    if (msg.receivedAt > a.until) return false;
    const sent = Date.parse(msg.header.date);
    return !(sent > a.at); // sent after the error reply: the client knows, run it
  }
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const out = { command: null, configPath: '', js: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--config-path') out.configPath = argv[++i];
    else if (a.startsWith('--config-path=')) out.configPath = a.slice('--config-path='.length);
    else if (a === '--js') out.js = true;
    else if (!a.startsWith('-') && !out.command) out.command = a;
    else throw new Error(`unknown argument: ${a}`);
  }
  return out;
}

function startKernel({ configPath, js = false }) {
  const handler = new AnprHandler(js);
  const server = new AnprServer(handler, configPath);
  process.on('SIGINT', () => handler.executor.interrupt());
  // Errors outside a cell's execution (timers, unawaited promises) go to the last cell's
  // stderr, as ipykernel does; they must not kill the kernel.
  process.on('uncaughtException', err => {
    process.stderr.write(`Uncaught exception: ${util.inspect(err)}\n`);
  });
  process.on('unhandledRejection', reason => {
    process.stderr.write(`Unhandled promise rejection: ${util.inspect(reason)}\n`);
  });
  watchParent();
  return server.init().then(() => server);
}

/** Exit when the Jupyter process that started us is gone (JPY_PARENT_PID), like ipykernel:
 * tslab alone keeps running as an orphan when its client dies without a shutdown_request. */
function watchParent() {
  const ppid = Number(process.env.JPY_PARENT_PID || 0);
  if (!ppid || process.platform === 'win32') return;
  setInterval(() => {
    try {
      process.kill(ppid, 0);
    } catch (e) {
      if (e && e.code === 'ESRCH') {
        logKernel(`parent process ${ppid} is gone; exiting`);
        process.exit(0);
      }
    }
  }, 2000).unref();
}

module.exports = { startKernel, isComplete, valueBundle, describeException, describeDiagnostics, AnprHandler, AnprServer };

if (require.main === module) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    logKernel(e.message);
    process.exit(2);
  }
  if (args.command !== 'kernel' || !args.configPath) {
    realStderrWrite('usage: node anpr-kernel.js kernel --config-path <connection_file> [--js]\n');
    process.exit(2);
  }
  startKernel(args).catch(e => {
    logKernel('failed to start:', e && e.stack);
    process.exit(1);
  });
}
