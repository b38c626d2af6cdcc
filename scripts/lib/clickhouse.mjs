// A throw-away ClickHouse cluster on loopback for tests and benchmarks: Debian's clickhouse-server
// (18.16 on Debian 12) installed when missing, and N shard processes (one replica each) with their
// own free ports and data folders, joined by a `remote_servers` cluster named `anpr`.
// The caller starts and stops it; stop() waits for every process to exit.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const has = bin => spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).status === 0;

/**
 * Install clickhouse-server and clickhouse-client with apt-get when the server binary is missing
 * (root only). Returns true when the server binary is there afterwards.
 *
 * @example
 * if (!ensureClickHouse()) console.log('no ClickHouse here');
 */
export function ensureClickHouse() {
  if (has('clickhouse-server') || has('clickhouse')) return true;
  if (!process.getuid || process.getuid() !== 0) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts = { stdio: ['ignore', 'ignore', 'inherit'], env };
  let r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'clickhouse-server', 'clickhouse-client'], opts);
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], opts);
    r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'clickhouse-server', 'clickhouse-client'], opts);
  }
  return has('clickhouse-server') || has('clickhouse');
}

/** A free TCP port on loopback (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const USERS = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

function config(dir, ports, shards) {
  const replicas = shards.map(s => `      <shard><replica><host>127.0.0.1</host><port>${s.tcp}</port></replica></shard>`).join('\n');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers>
    <anpr>
${replicas}
    </anpr>
  </remote_servers>
</yandex>
`;
}

/**
 * POST one statement (plus URL `settings` such as '&max_threads=1') to a server's HTTP interface on a
 * connection of its own, and return the body
 * (rejects with the server's text on a non-200). Never a pooled keep-alive socket: 18.16 closes an
 * idle one after 3 s, and a caller whose event loop was busy longer than that (a synchronous chdb
 * call, a parse) would otherwise reuse a socket the server had already closed ("other side closed").
 *
 * @example
 * const text = await chQuery('http://127.0.0.1:8123', 'SELECT 1 FORMAT TSV'); // '1\n'
 */
export function chQuery(url, sql, settings = '') {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/?query=${encodeURIComponent(sql)}${settings}`, { method: 'POST', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(body.trim() || `HTTP ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function ping(port, ms) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await chQuery(`http://127.0.0.1:${port}`, 'SELECT 1');
      return;
    } catch { /* not up yet */ }
    if (Date.now() > until) throw new Error(`clickhouse-server on port ${port} did not answer within ${ms} ms`);
    await new Promise(r => setTimeout(r, 100));
  }
}

/**
 * Start `shards` clickhouse-server processes on 127.0.0.1, data under `dir/shardN`, and a cluster
 * `anpr` of them. Returns { shards: [{http, tcp, interserver, url}], url (shard 1's HTTP), stop() }.
 *
 * @example
 * const cluster = await startCluster({ dir: '/tmp/ch', shards: 2 });
 * try { await chQuery(cluster.url, 'SELECT 1'); } finally { await cluster.stop(); }
 */
export async function startCluster({ dir, shards = 2, timeoutMs = 30_000 }) {
  const bin = has('clickhouse-server') ? 'clickhouse-server' : 'clickhouse';
  const pre = bin === 'clickhouse' ? ['server'] : [];
  const ports = [];
  for (let i = 0; i < shards; i++) ports.push({ http: await freePort(), tcp: await freePort(), interserver: await freePort() });
  const procs = [];
  // A safety net: if the caller exits without stop(), the servers go with it.
  const onExit = () => { for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL'); };
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    await Promise.all(procs.map(p => new Promise(resolve => {
      if (p.exitCode !== null || p.signalCode !== null) return resolve();
      const kill = setTimeout(() => p.kill('SIGKILL'), 15_000);
      p.once('exit', () => { clearTimeout(kill); resolve(); });
      p.kill('SIGTERM');
    })));
  };
  try {
    for (let i = 0; i < shards; i++) {
      const d = path.join(dir, `shard${i + 1}`);
      for (const sub of ['data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(path.join(d, sub), { recursive: true });
      writeFileSync(path.join(d, 'users.xml'), USERS);
      writeFileSync(path.join(d, 'config.xml'), config(d, ports[i], ports));
      const p = spawn(bin, [...pre, `--config-file=${path.join(d, 'config.xml')}`], { cwd: d, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr.on('data', b => { err = (err + b).slice(-4000); });
      p.once('exit', code => { if (code) process.stderr.write(`[clickhouse] shard ${i + 1} exited ${code}: ${err}\n`); });
      procs.push(p);
    }
    await Promise.all(ports.map(p => ping(p.http, timeoutMs)));
  } catch (e) {
    await stop();
    throw e;
  }
  const list = ports.map(p => ({ ...p, url: `http://127.0.0.1:${p.http}` }));
  return { shards: list, url: list[0].url, pids: procs.map(p => p.pid), stop };
}
