/**
 * Every test file runs with a library session (who and why) and its own audit log in a
 * temporary folder, as the library refuses to search without one (DPA 2018 s62) and must
 * never write to the user's real audit log. Tests of the gate itself call `endSession()`.
 * ANPR_AUDIT_LOG is inherited by the processes tests start (the CLI, notebook kernels).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { session } from '../../kernel-lib/src/privacy/session';

const dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-test-audit-'));
process.env.ANPR_AUDIT_LOG = path.join(dir, 'audit.jsonl');
// The reads cache too (loads of files ≥ 4 MiB are cached): never the user's cache, removed with the folder.
process.env.ANPR_CACHE_DIR = path.join(dir, 'cache');
session({ operator: 'T-0001', purpose: 'automated tests', reference: 'vitest' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));
