/**
 * Where a ClickHouse cluster is and how to reach it: `clickhouse://[USER@]HOST:PORT/DB` (HTTP),
 * `clickhouses://[USER@]HOST:PORT/DB` (HTTPS, TLS), or `http(s)://HOST:PORT` (database `anpr`).
 * PORT is the HTTP(S) port (8123 / 8443 by default on a server). The password is never part of
 * the address (it would land in the audit log and the process list): it is read from
 * `ANPR_CLICKHOUSE_PASSWORD`; the user may also come from `ANPR_CLICKHOUSE_USER`. A private CA
 * for TLS: `NODE_EXTRA_CA_CERTS=ca.pem`.
 */
import * as msg from '../messages';

/** A parsed ClickHouse address. */
export interface ClickHouseTarget { http: string; database: string; username?: string; password?: string }

/** A database or cluster name, checked (letters, digits, _). @example sqlName('anpr') // 'anpr' */
export const sqlName = (s: string) => { if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) throw new TypeError(msg.clickhouseBadName(s)); return s; };

/**
 * Read a ClickHouse address.
 *
 * @example
 * clickhouseTarget('clickhouse://127.0.0.1:8123/anpr') // { http: 'http://127.0.0.1:8123', database: 'anpr' }
 * clickhouseTarget('clickhouses://analyst@ch.force.police.uk:8443/anpr') // { http: 'https://ch.force.police.uk:8443', database: 'anpr', username: 'analyst', password: $ANPR_CLICKHOUSE_PASSWORD }
 */
export function clickhouseTarget(url: string, env: NodeJS.ProcessEnv = process.env): ClickHouseTarget {
  const m = /^(clickhouses?|https?):\/\/(?:([^@/?#]*)@)?([^/?#@]+)(?:\/([^/?#]*))?\/?$/.exec(url ?? '');
  if (!m) throw new TypeError(msg.clickhouseBadUrl(String(url)));
  if (m[2] !== undefined && m[2].includes(':')) throw new TypeError(msg.clickhousePasswordInUrl());
  const database = m[4] || 'anpr';
  sqlName(database);
  const tls = m[1] === 'https' || m[1] === 'clickhouses';
  const out: ClickHouseTarget = { http: `${tls ? 'https' : 'http'}://${m[3]}`, database };
  const username = m[2] ? decodeURIComponent(m[2]) : env.ANPR_CLICKHOUSE_USER;
  if (username) out.username = username;
  if (env.ANPR_CLICKHOUSE_PASSWORD !== undefined) out.password = env.ANPR_CLICKHOUSE_PASSWORD;
  return out;
}

type Client = import('@clickhouse/client').ClickHouseClient;

/** A client for one server of the target (its `http` may be another shard's address). */
export async function clickhouseClient(t: ClickHouseTarget): Promise<Client> {
  const { createClient } = await import('@clickhouse/client');
  // Long queries: progress headers keep the HTTP connection alive (18.16 has both settings).
  // No keep-alive pool: a find makes a handful of long queries, and between them the features run
  // synchronously for seconds, longer than the server keeps an idle socket (3 s on 18.16); a pooled
  // socket would then be reused after the server had closed it ("socket hang up").
  return createClient({
    url: t.http, username: t.username, password: t.password, request_timeout: 600_000, keep_alive: { enabled: false },
    clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '10000' },
  });
}
