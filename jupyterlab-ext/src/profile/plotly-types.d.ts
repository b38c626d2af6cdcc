/**
 * The part of plotly.js's API the profile timeline uses, typed by hand: the partial bundle
 * `plotly.js-basic-dist-min` (scatter, bar, pie; 1.2 MB instead of 4.8 MB) ships no types.
 */
declare module 'plotly.js-basic-dist-min' {
  /** A plotly graph div: the element plus the event API plotly attaches to it. */
  export interface PlotlyGraphDiv extends HTMLElement {
    on(event: 'plotly_click', handler: (ev: { points: { customdata?: unknown; curveNumber: number; pointNumber: number }[] }) => void): void;
    on(event: 'plotly_relayout', handler: (ev: Record<string, unknown>) => void): void;
    removeAllListeners?(event: string): void;
    layout?: Record<string, unknown>;
  }
  export function newPlot(root: HTMLElement, data: object[], layout?: object, config?: object): Promise<PlotlyGraphDiv>;
  export function react(root: HTMLElement, data: object[], layout?: object, config?: object): Promise<PlotlyGraphDiv>;
  export function relayout(root: HTMLElement, update: object): Promise<PlotlyGraphDiv>;
  export function restyle(root: HTMLElement, update: object, traces?: number[]): Promise<PlotlyGraphDiv>;
  export function purge(root: HTMLElement): void;
  export const Plots: { resize(root: HTMLElement): Promise<void> | void };
  export const version: string;
}
