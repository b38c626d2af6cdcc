/**
 * tslab 1.0.22's internals the kernel is built from: its converter, executor and the module
 * holding the Jupyter handler, the ZeroMQ server and `lastWriteDisplayData` (the same module
 * instance tslab's public `display` API, and kernel-lib's show(), write through). tslab's files
 * in node_modules are never modified; they are required from the tslab installed beside the
 * project (the kernelspec runs our entry point, not tslab's binary).
 */
import path from 'node:path';
import type * as Converter from 'tslab/dist/converter';
import type * as ExecutorModule from 'tslab/dist/executor';
import type * as Jupyter from 'tslab/dist/jupyter';

export type { Converter as ConverterModule };
export type TsModule = typeof import('typescript');

/** tslab's package folder. */
export const TSLAB_DIR = path.dirname(require.resolve('tslab/package.json', { paths: [__dirname] }));

function dist<T>(name: string): T {
  return require(path.join(TSLAB_DIR, 'dist', name)) as T;
}

export const converter = dist<typeof Converter>('converter');
export const executor = dist<typeof ExecutorModule>('executor');
/** Mutable: the kernel points `lastWriteDisplayData` at the running cell. */
export const jupyter = dist<typeof Jupyter & { lastWriteDisplayData: (data: DisplayData, update: boolean) => void }>('jupyter');
/** The TypeScript tslab compiles with (its own fork). */
export const ts: TsModule = require(require.resolve('@tslab/typescript-for-tslab', { paths: [TSLAB_DIR] }));
export const TSLAB_VERSION: string = require(path.join(TSLAB_DIR, 'package.json')).version;

export type Diagnostic = Converter.Diagnostic;
export type DiagnosticPos = Converter.DiagnosticPos;
export type ConvertResult = Converter.ConvertResult;
export type Executor = ExecutorModule.Executor;

/** A display_data / update_display_data content. */
export interface DisplayData {
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  transient?: Record<string, unknown>;
}
