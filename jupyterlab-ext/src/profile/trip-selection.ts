/**
 * The selected trip, shared by the profile's linked views (timeline, small map, trips
 * table): any view may select a trip; every view is told, including the one that selected.
 */

/** Called with the selected trip index (or null) and the view that selected it. */
export type SelectionListener = (trip: number | null, source: string) => void;

/** One profile's trip selection. */
export class TripSelection {
  /** The selected trip index, or null. */
  get current(): number | null {
    return this._current;
  }

  /**
   * Select trip `trip` (null clears) on behalf of view `source`; selecting the selected trip again clears it.
   * @example selection.select(2, 'map')
   */
  select(trip: number | null, source: string): void {
    const next = trip === this._current ? null : trip;
    this._current = next;
    for (const l of [...this._listeners]) l(next, source);
  }

  /**
   * Listen to selections; returns a function that stops listening.
   * @example const stop = selection.listen((trip) => console.log(trip))
   */
  listen(listener: SelectionListener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** Drop every listener (on dispose). */
  clear(): void {
    this._listeners.clear();
  }

  private _current: number | null = null;
  private _listeners = new Set<SelectionListener>();
}
