// A current ClickHouse for tests: npm's chdb (ClickHouse 26.x embedded in-process; its 178 MB
// library ships inside the package tarball, nothing else is downloaded), installed on first use
// into the ignored folder .anpr/chdb/ — by the tests that need it, never by `npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CHDB_VERSION = '3.4.0';
export const CHDB_DIR = path.join(ROOT, '.anpr', 'chdb');

/**
 * The chdb module, installed into .anpr/chdb/ when missing (npm install chdb@3.4.0 there, its
 * own package.json so the workspace is untouched). Throws with npm's output when it cannot.
 *
 * @example
 * const { Session } = ensureChdb(); new Session(dir).query('SELECT version()', 'TSV'); // '26.7.2.1\n'
 */
export function ensureChdb() {
  const marker = path.join(CHDB_DIR, 'node_modules', 'chdb', 'package.json');
  if (!existsSync(marker)) {
    mkdirSync(CHDB_DIR, { recursive: true });
    writeFileSync(path.join(CHDB_DIR, 'package.json'), JSON.stringify({ name: 'anpr-test-chdb', private: true }) + '\n');
    const r = spawnSync('npm', ['install', '--prefix', CHDB_DIR, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `chdb@${CHDB_VERSION}`],
      { encoding: 'utf8', cwd: CHDB_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0 || !existsSync(marker)) throw new Error(`npm install chdb@${CHDB_VERSION} into ${CHDB_DIR} failed:\n${r.stdout}\n${r.stderr}`);
  }
  return createRequire(path.join(CHDB_DIR, 'package.json'))('chdb');
}
