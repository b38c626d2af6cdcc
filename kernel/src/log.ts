/**
 * Kernel diagnostics go to the real stderr (the server log), never to a notebook cell: tslab
 * points process.stdout/stderr.write at the running cell's iopub stream.
 */
import util from 'node:util';

export const realStderrWrite: (text: string) => boolean = process.stderr.write.bind(process.stderr);

/** @example logKernel('dropping a message:', 'invalid HMAC signature') */
export function logKernel(...args: unknown[]): void {
  realStderrWrite(`[anpr-kernel] ${util.format(...args)}\n`);
}
