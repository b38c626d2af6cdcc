/**
 * The kernel's command line (bin/anpr-kernel.js):
 *
 *   anpr-kernel kernel --config-path <connection_file> [--js]   run the kernel (what a kernelspec starts)
 *   anpr-kernel install [--user | --prefix P]                   register the kernelspecs tslab and jslab
 *
 * What the kernel changes compared with `tslab kernel` is listed in the README ("The kernel").
 */
import util from 'node:util';
import { AnprHandler } from './handler';
import { installKernelSpecs, kernelsDir } from './install';
import { logKernel, realStderrWrite } from './log';
import { AnprServer } from './server';

const USAGE = `usage:
  anpr-kernel kernel --config-path <connection_file> [--js]
  anpr-kernel install [--user | --prefix <dir>]   (default --user)
`;

/** Start the kernel on the connection file; resolves once its sockets are bound. */
export async function startKernel({ configPath, js = false }: { configPath: string; js?: boolean }): Promise<AnprServer> {
  const handler = new AnprHandler(js);
  const server = new AnprServer(handler, configPath);
  process.on('SIGINT', () => handler.tsExecutor.interrupt());
  // Errors outside a cell's execution (timers, unawaited promises) go to the last cell's
  // stderr, as ipykernel does; they must not kill the kernel.
  process.on('uncaughtException', err => {
    process.stderr.write(`Uncaught exception: ${util.inspect(err)}\n`);
  });
  process.on('unhandledRejection', reason => {
    process.stderr.write(`Unhandled promise rejection: ${util.inspect(reason)}\n`);
  });
  watchParent();
  await server.init();
  return server;
}

/** Exit when the Jupyter process that started us is gone (JPY_PARENT_PID), like ipykernel:
 * tslab alone keeps running as an orphan when its client dies without a shutdown_request. */
function watchParent(): void {
  const ppid = Number(process.env.JPY_PARENT_PID || 0);
  if (!ppid || process.platform === 'win32') return;
  setInterval(() => {
    try {
      process.kill(ppid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') {
        logKernel(`parent process ${ppid} is gone; exiting`);
        process.exit(0);
      }
    }
  }, 2000).unref();
}

interface Args {
  command: string | null;
  configPath: string;
  js: boolean;
  user: boolean;
  prefix: string | null;
}

/** @example parseArgs(['install', '--prefix', '/opt/env']).prefix // '/opt/env' */
export function parseArgs(argv: string[]): Args {
  const out: Args = { command: null, configPath: '', js: false, user: false, prefix: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--config-path') out.configPath = argv[++i];
    else if (a.startsWith('--config-path=')) out.configPath = a.slice('--config-path='.length);
    else if (a === '--js') out.js = true;
    else if (a === '--user') out.user = true;
    else if (a === '--prefix') out.prefix = argv[++i];
    else if (a.startsWith('--prefix=')) out.prefix = a.slice('--prefix='.length);
    else if (!a.startsWith('-') && !out.command) out.command = a;
    else throw new Error(`unknown argument: ${a}`);
  }
  if (out.user && out.prefix) throw new Error('--user and --prefix exclude each other');
  if (out.prefix === undefined || out.prefix === '') throw new Error('--prefix needs a folder');
  return out;
}

/** Run the command line; returns the exit code (the kernel command never returns while it runs). */
export async function cli(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    realStderrWrite(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.command === 'kernel' && args.configPath) {
    await startKernel(args);
    return -1; // keeps running
  }
  if (args.command === 'install') {
    const dir = kernelsDir(args.prefix ? { prefix: args.prefix } : { user: true });
    const written = installKernelSpecs(dir);
    process.stdout.write(`kernelspecs tslab and jslab in ${dir}${written.length ? '' : ' (already there)'}\n`);
    return 0;
  }
  realStderrWrite(USAGE);
  return 2;
}

if (require.main === module) {
  cli(process.argv.slice(2)).then(
    code => {
      if (code >= 0) process.exit(code);
    },
    e => {
      logKernel('failed to start:', e instanceof Error ? e.stack : e);
      process.exit(1);
    }
  );
}
