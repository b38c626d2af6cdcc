/**
 * @anpr/kernel: the TypeScript + ANPR Jupyter kernel, tslab 1.0.22's executor with the
 * message handling Jupyter clients expect.
 *
 *   bin/anpr-kernel.js → main (kernel | install)
 *     kernel:  server (ZeroMQ, dispatch, execute queue, stop_on_error) → handler (execute path)
 *              → shorthands → tslab converters + executor → bundles | errors → wire
 *     install: install (kernelspecs tslab, jslab → --user | --prefix)
 */
export { AnprHandler, type CellIo, type ExecuteReply } from './handler';
export { AnprServer } from './server';
export { startKernel, parseArgs, cli } from './main';
export { installKernelSpecs, kernelSpecs, kernelsDir, userDataDir, KERNEL_ENTRY, type KernelSpec } from './install';
export { isComplete } from './is-complete';
export { valueBundle, richBundle, expandDisplayContent } from './bundles';
export { describeException, describeDiagnostics, type ErrorContent } from './errors';
