/** Access to the running tslab kernel's display channel (null outside a kernel). */

/** Content of a display_data / update_display_data message. */
export interface DisplayContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}

/** Sends display_data, or update_display_data when `update` is true. */
export type WriteDisplayData = (content: DisplayContent, update: boolean) => void;

/**
 * tslab's display writer for the cell being executed, or null outside a tslab kernel (CLI,
 * tests). tslab keeps it in `tslab/dist/jupyter`; its public `display.raw` sends one MIME
 * type per message, while our bundles carry several (widget + text/html fallback).
 * @example const write = kernelWriter(); if (write) write({ data: { 'text/plain': 'hi' }, metadata: {}, transient: {} }, false);
 */
export function kernelWriter(): WriteDisplayData | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: WriteDisplayData | null };
    return jupyter.lastWriteDisplayData ?? null;
  } catch {
    return null;
  }
}
