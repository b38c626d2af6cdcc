/**
 * tslab's converters (TypeScript → the JavaScript its executor runs), observed and made to
 * recover. tslab's converter drives TypeScript's watch program with a one-slot fake timer;
 * when a file it watches changes on disk (a rebuilt library .d.ts, node_modules) TypeScript
 * may arm a second timer and every later convert throws "Unexpected pending rebuildTimer". A
 * fresh converter (same previous declarations, passed in on every call) recovers.
 */
import { logKernel } from './log';
import { converter, type ConvertResult, type ConverterModule, type Diagnostic } from './tslab';

type Converter = ConverterModule.Converter;
type Kind = 'node' | 'browser';

const CONVERTER_TIMER_BUG = /pending rebuildTimer|rebuildTimer is not set|clearing unexpected tiemr/;

/** The two converters tslab's executor asks for (`node`, `browser`), created on first use. */
export class ConverterSet {
  constructor(
    private readonly isJS: boolean,
    private readonly onConvert: (r: ConvertResult) => void,
    private readonly onModule: (d: Diagnostic[]) => void
  ) {}

  get node(): Converter {
    return (this.wrapped.node ??= this.wrap('node'));
  }

  get browser(): Converter {
    return (this.wrapped.browser ??= this.wrap('browser'));
  }

  close(): void {
    for (const c of Object.values(this.raw)) if (c) c.close();
  }

  private rawConverter(kind: Kind): Converter {
    return (this.raw[kind] ??= converter.createConverter({ isJS: this.isJS, isBrowser: kind === 'browser' }));
  }

  private call<K extends 'inspect' | 'complete' | 'convert' | 'addModule'>(kind: Kind, method: K, args: Parameters<Converter[K]>): ReturnType<Converter[K]> {
    const invoke = () => (this.rawConverter(kind)[method] as (...a: unknown[]) => ReturnType<Converter[K]>)(...args);
    try {
      return invoke();
    } catch (e) {
      if (!(e instanceof Error && CONVERTER_TIMER_BUG.test(String(e.message)))) throw e;
      logKernel(`converter failed (${e.message}); recreating it`);
      try {
        this.raw[kind]?.close();
      } catch {
        /* already broken */
      }
      this.raw[kind] = undefined;
      return invoke();
    }
  }

  /** Observe the converter's structured results (diagnostics, last-expression variable); the executor only prints them. */
  private wrap(kind: Kind): Converter {
    this.rawConverter(kind);
    return {
      close: () => this.raw[kind]?.close(),
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

  private raw: Partial<Record<Kind, Converter>> = {};
  private wrapped: Partial<Record<Kind, Converter>> = {};
}
