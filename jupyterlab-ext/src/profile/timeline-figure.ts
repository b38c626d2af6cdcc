/**
 * The plotly figure of the profile timeline (pure data → { data, layout, config }, no plotly
 * import, so it is tested without a browser): three rows on one time axis — reads (one
 * marker each), trips (a bar from start to end) and stays (a thinner bar) — with plotly's
 * zoom, pan, range slider and range buttons. Times are Europe/London wall-clock strings,
 * because plotly shows date strings as given (epoch numbers would show in UTC).
 */
import type { ProfileBundle } from '@anpr/kernel-lib/contract';
import { formatShortDateTime } from '../shared/format';
import type { ProfileTripView } from './trips';
import { MSG } from '../shared/messages';

/** Colours and font of the figure, from the Lab theme. */
export interface TimelineTheme {
  dark: boolean;
  font: string;
  grid: string;
}

/** A plotly figure. */
export interface TimelineFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
}

/** Trace colours: reads, trips, stays, selection. */
export const TIMELINE_COLORS = { reads: '#6b7280', trips: '#1f77b4', stays: '#f59e0b', selected: '#d62728' };

const london = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false
});

/**
 * Epoch ms as a Europe/London wall-clock string plotly reads as a date.
 * @example londonPlotlyDate(Date.UTC(2026, 6, 1, 12, 0)) // '2026-07-01 13:00:00'
 */
export function londonPlotlyDate(ms: number): string {
  return london.format(new Date(ms));
}

/**
 * Text safe for plotly's labels, which parse a few HTML-like tags (<b>, <br>, <a href>):
 * data never becomes markup, `<img ...>` shows as text.
 * @example plotlyText('<img src=x>') // '&lt;img src=x&gt;'
 */
export function plotlyText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Lines of text as one plotly label: each line escaped, joined by plotly's <br>.
 * @example plotlyLines('Trip 1: <A> → B\n19:00') // 'Trip 1: &lt;A&gt; → B<br>19:00'
 */
export function plotlyLines(s: string): string {
  return s.split('\n').map(plotlyText).join('<br>');
}

/**
 * Dwell bound in ms as "2 h 05 min" / "45 min" / "1 d 3 h".
 * @example formatDwell(125 * 60_000) // '2 h 05 min'
 */
export function formatDwell(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  if (min < 48 * 60) return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
  return `${Math.floor(min / 1440)} d ${Math.round((min % 1440) / 60)} h`;
}

/** Interleave [start, end, gap] triples for a line trace with breaks. */
function segments<T>(items: T[], start: (x: T) => number, end: (x: T) => number, value: (x: T) => unknown) {
  const x: (string | null)[] = [];
  const custom: unknown[] = [];
  for (const it of items) {
    x.push(londonPlotlyDate(start(it)), londonPlotlyDate(end(it)), null);
    const v = value(it);
    custom.push(v, v, null);
  }
  return { x, custom };
}

/** A trace of time segments (trips, stays) on one row of the timeline, named as the row; hover text per point. */
function segmentTrace(row: string, mode: string, x: (string | null)[], text: (string | null)[], style: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'scatter',
    mode,
    name: row,
    x,
    y: x.map(v => (v === null ? null : row)),
    text,
    hovertemplate: '%{text}<extra></extra>',
    connectgaps: false,
    ...style
  };
}
/**
 * The timeline figure of a profile.
 * @example timelineFigure(bundle, profileTrips(bundle), name, { dark: false, font: '#222', grid: '#eee' }).data.length // 4
 */
export function timelineFigure(
  bundle: ProfileBundle,
  trips: ProfileTripView[],
  siteName: (id: string) => string,
  theme: TimelineTheme
): TimelineFigure {
  const rows = MSG.timelineRows;
  const reads = bundle.reads ?? [];
  const readTrace = {
    type: 'scatter',
    mode: 'markers',
    name: rows.reads,
    x: reads.map(r => londonPlotlyDate(r[0])),
    y: reads.map(() => rows.reads),
    text: reads.map(r => plotlyText(MSG.timelineRead(formatShortDateTime(r[0]), siteName(r[1])))),
    hovertemplate: '%{text}<extra></extra>',
    marker: { size: 7, symbol: 'line-ns-open', color: TIMELINE_COLORS.reads, line: { width: 1.5 } }
  };
  const t = segments(trips, x => x.start, x => x.end, x => x.index);
  const tripText = trips.flatMap(x => {
    const s = plotlyLines(
      MSG.timelineTrip(x.index + 1, siteName(x.fromSite), siteName(x.toSite), formatShortDateTime(x.start), formatShortDateTime(x.end), x.reads)
    );
    return [s, s, null];
  });
  const tripTrace = segmentTrace(rows.trips, 'lines+markers', t.x, tripText, {
    customdata: t.custom,
    line: { width: 10, color: TIMELINE_COLORS.trips },
    marker: { size: 10, color: TIMELINE_COLORS.trips }
  });
  const stays = bundle.stays ?? [];
  const s = segments(stays, x => x.start, x => x.end, () => null);
  const stayText = stays.flatMap(x => {
    const txt = plotlyText(
      MSG.timelineStay(siteName(x.site), MSG.dwellRange(formatDwell(x.dwellMin), formatDwell(x.dwellMax)), x.overnight)
    );
    return [txt, txt, null];
  });
  const stayTrace = segmentTrace(rows.stays, 'lines', s.x, stayText, { line: { width: 6, color: TIMELINE_COLORS.stays } });
  // The selected trip, drawn over the others (empty until a trip is selected).
  const selectedTrace = {
    type: 'scatter',
    mode: 'lines',
    name: 'selected',
    x: [],
    y: [],
    hoverinfo: 'skip',
    line: { width: 14, color: TIMELINE_COLORS.selected }
  };
  const axis = { gridcolor: theme.grid, linecolor: theme.grid, zerolinecolor: theme.grid };
  const layout = {
    autosize: true,
    height: 300,
    margin: { l: 56, r: 16, t: 32, b: 8 },
    showlegend: false,
    dragmode: 'zoom',
    hovermode: 'closest',
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: theme.font, size: 11 },
    xaxis: {
      ...axis,
      type: 'date',
      range: [londonPlotlyDate(bundle.period[0]), londonPlotlyDate(bundle.period[1])],
      rangeslider: { visible: true, thickness: 0.15, bgcolor: 'rgba(0,0,0,0)', bordercolor: theme.grid, borderwidth: 1 },
      rangeselector: {
        bgcolor: theme.dark ? '#333' : '#eee',
        activecolor: theme.dark ? '#555' : '#ccc',
        font: { color: theme.font },
        buttons: [
          { count: 1, label: MSG.rangeDay, step: 'day', stepmode: 'backward' },
          { count: 7, label: MSG.rangeWeek, step: 'day', stepmode: 'backward' },
          { step: 'all', label: MSG.rangeAll }
        ]
      }
    },
    yaxis: {
      ...axis,
      type: 'category',
      categoryorder: 'array',
      categoryarray: [rows.stays, rows.trips, rows.reads],
      fixedrange: true
    }
  };
  const config = {
    displaylogo: false,
    responsive: false,
    scrollZoom: false,
    modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'],
    toImageButtonOptions: { filename: 'anpr-profile-timeline' }
  };
  return { data: [readTrace, stayTrace, tripTrace, selectedTrace], layout, config };
}

/**
 * The restyle of the selection trace for trip `trip` (null clears it).
 * @example selectedTripXY(trips[0]) // { x: ['2026-07-01 13:00:00', '2026-07-01 13:40:00'], y: ['Trips', 'Trips'] }
 */
export function selectedTripXY(trip: ProfileTripView | null): { x: string[]; y: string[] } {
  if (!trip) return { x: [], y: [] };
  return { x: [londonPlotlyDate(trip.start), londonPlotlyDate(trip.end)], y: [MSG.timelineRows.trips, MSG.timelineRows.trips] };
}
