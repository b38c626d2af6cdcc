/**
 * The handler: tslab's JupyterHandlerImpl (kernel info, inspect, complete, stream redirection)
 * with an execute path that reports values and errors as Jupyter messages:
 *
 *   execute_request → execute_input → { x } expanded → tslab converts and runs the cell
 *     → TSError (diagnostics) | exception | the last value as execute_result → execute_reply
 */
import util from 'node:util';
import { expandDisplayContent, valueBundle } from './bundles';
import { ConverterSet } from './converters';
import { describeDiagnostics, describeException, type ErrorContent } from './errors';
import { isComplete, type IsCompleteReply } from './is-complete';
import { logKernel } from './log';
import { expandShorthands } from './shorthands';
import { executor as tslabExecutor, jupyter, ts, TSLAB_VERSION, type ConvertResult, type Diagnostic, type DisplayData, type Executor } from './tslab';
import { PROTOCOL_VERSION, type Content } from './wire';

/** Publishing on iopub for the request being executed. */
export interface CellIo {
  publish(type: string, content: Content): void;
  stream(name: string, text: string): void;
  display(content: DisplayData, update: boolean): void;
}

/** What one execution observed: the converter's result, module diagnostics, the last value, an exception. */
interface Run {
  converted: ConvertResult | null;
  moduleDiagnostics: Diagnostic[] | null;
  value?: { v: unknown };
  exception?: { e: unknown };
}

export type ExecuteReply = ({ status: 'ok'; payload: never[]; user_expressions: Record<string, never> } | ({ status: 'error' } & ErrorContent)) & { execution_count: number };

export class AnprHandler extends jupyter.JupyterHandlerImpl {
  constructor(isJs: boolean) {
    let run: Run | null = null; // the execution in progress
    const convs = new ConverterSet(
      isJs,
      r => {
        if (run) run.converted = r;
      },
      d => {
        if (run) run.moduleDiagnostics = d;
      }
    );
    void convs.node; // warm the Node converter, as tslab does
    const executor = tslabExecutor.createExecutor(process.cwd(), convs, {
      // The executor calls log() only with the cell's last value and error() with an exception
      // or with printf-style diagnostics (which we take structured from the converter instead).
      log: (...args: unknown[]) => {
        if (run) run.value = { v: args[0] };
        else process.stdout.write(util.format(...args) + '\n');
      },
      error: (...args: unknown[]) => {
        if (run && args.length === 1) run.exception = { e: args[0] };
        else if (!run) process.stderr.write(util.format(...args) + '\n');
      }
    });
    super(executor, isJs);
    this.tsExecutor = executor;
    this.js = isJs;
    this.setRun = r => (run = r);
  }

  /** The number of the last counted execution. */
  executionCount = 0;
  /** tslab's executor (its field on the base class is private). */
  readonly tsExecutor: Executor;
  private readonly js: boolean;
  private readonly setRun: (r: Run | null) => void;

  handleKernel(): ReturnType<InstanceType<typeof jupyter.JupyterHandlerImpl>['handleKernel']> & { status: 'ok'; help_links: { text: string; url: string }[] } {
    const reply = super.handleKernel() as ReturnType<AnprHandler['handleKernel']>;
    reply.status = 'ok';
    reply.protocol_version = PROTOCOL_VERSION;
    reply.implementation = this.js ? 'jslab-anpr' : 'tslab-anpr';
    reply.implementation_version = TSLAB_VERSION;
    if (!this.js) reply.language_info.version = ts.version;
    reply.banner = `${reply.banner} (tslab ${TSLAB_VERSION}, TypeScript ${ts.version}, Node.js ${process.version})`;
    reply.help_links = [{ text: 'tslab', url: 'https://github.com/yunabe/tslab' }];
    return reply;
  }

  handleIsComplete(req: { code?: string }): IsCompleteReply {
    return isComplete(req.code || '');
  }

  handleShutdown(req: { restart?: boolean }): { status: 'ok'; restart: boolean } {
    return { status: 'ok', restart: !!(req && req.restart) };
  }

  /** Run one execute_request; `io` publishes on iopub for it. Returns the execute_reply content. */
  async execute(content: Content, io: CellIo): Promise<ExecuteReply> {
    const code = String(content.code || '');
    const silent = !!content.silent;
    if (!silent && content.store_history !== false) this.executionCount++;
    const count = this.executionCount;
    if (!silent) io.publish('execute_input', { code, execution_count: count });

    // Output written while (and after) this cell runs goes to its stream, like ipykernel.
    process.stdout.write = this.createWriteToIopub('stdout', io.stream) as typeof process.stdout.write;
    process.stderr.write = this.createWriteToIopub('stderr', io.stream) as typeof process.stderr.write;
    jupyter.lastWriteDisplayData = (data, update) => {
      let c = data;
      try {
        c = expandDisplayContent(data);
      } catch (e) {
        logKernel('display bundle failed:', e instanceof Error ? e.message : e);
      }
      io.display(c, update);
    };

    const run: Run = { converted: null, moduleDiagnostics: null };
    this.setRun(run);
    const rewritten = expandShorthands(code);
    let ok: boolean;
    try {
      ok = await this.tsExecutor.execute(rewritten.code);
    } catch (e) {
      // tslab itself failed (e.g. inside the compiler): still an error of this cell.
      run.exception = { e };
      ok = false;
    } finally {
      this.setRun(null);
    }

    let err: ErrorContent | null = null;
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
      const locals = this.tsExecutor.locals;
      if (lastVar && Object.prototype.hasOwnProperty.call(locals, lastVar)) {
        if (!value) value = { v: locals[lastVar] };
        delete locals[lastVar];
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
      io.publish('error', err as unknown as Content);
      return { status: 'error', execution_count: count, ...err };
    }
    return { status: 'ok', execution_count: count, payload: [], user_expressions: {} };
  }
}
