/**
 * VRM (vehicle registration mark) normalisation and UK format classes.
 *
 * Normalisation: upper case, keep only A-Z and 0-9 (spaces, hyphens, dots and any other
 * character are removed). Classification works on the normalised form; a VRM that fits no
 * UK format is `other` (foreign or personalised): flagged in the load summary, never rejected.
 */
/** UK VRM format classes (see core/vrm.ts). */
export type VrmFormat =
  | 'current'
  | 'prefix'
  | 'suffix'
  | 'dateless'
  | 'northern_ireland'
  | 'other';

/**
 * Normalise a VRM: upper case, letters and digits only.
 * Returns the input string itself when it is already normalised (no allocation).
 *
 * @example
 * normaliseVrm(' ab12 cde ') // 'AB12CDE'
 * normaliseVrm('A-123.bcd')  // 'A123BCD'
 */
export function normaliseVrm(raw: string): string {
  const n = raw.length;
  let clean = n > 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) { clean = false; break; }
  }
  if (clean) return raw;
  let out = '';
  for (let i = 0; i < n; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) out += String.fromCharCode(c);
  }
  return out;
}

const PREFIX = /^[A-Z][0-9]{1,3}[A-Z]{3}$/;
const SUFFIX = /^[A-Z]{3}[0-9]{1,3}[A-Z]$/;
// Northern Ireland: an optional serial letter, then a two-letter code containing I or Z, then 1-4 digits.
const NI = /^[A-Z]?(?:[A-Z][IZ]|[IZ][A-Z])[0-9]{1,4}$/;
const DATELESS = /^(?:[A-Z]{1,4}[0-9]{1,4}|[0-9]{1,4}[A-Z]{1,4})$/;

/**
 * Classify a normalised VRM into a UK format class. Rules, tried in this order:
 *  - `current` (2001-): two letters, two digits, three letters — `AB12CDE`
 *  - `prefix` (1983-2001): letter, 1-3 digits, three letters — `A123BCD`
 *  - `suffix` (1963-1983): three letters, 1-3 digits, letter — `ABC123D`
 *  - `northern_ireland`: 2-3 letters whose last two contain I or Z, then 1-4 digits — `ABZ1234`, `IA123`
 *  - `dateless`: 1-4 letters then 1-4 digits, or the reverse — `ABC123`, `1234AB`
 *  - `other`: anything else (foreign, personalised, misread).
 *
 * @example
 * classifyVrm('AB12CDE') // 'current'
 * classifyVrm('ABZ1234') // 'northern_ireland'
 * classifyVrm('1234AB')  // 'dateless'
 * classifyVrm('WOB4XYZ9') // 'other'
 */
export function classifyVrm(vrm: string): VrmFormat {
  const n = vrm.length;
  if (n === 7 && isCurrent(vrm)) return 'current';
  if (n >= 5 && n <= 7) {
    if (PREFIX.test(vrm)) return 'prefix';
    if (SUFFIX.test(vrm)) return 'suffix';
  }
  if (NI.test(vrm)) return 'northern_ireland';
  if (DATELESS.test(vrm)) return 'dateless';
  return 'other';
}

const isLetter = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** /^[A-Z]{2}[0-9]{2}[A-Z]{3}$/ for a 7-character VRM, without a regular expression (the load summary classifies every plate). */
function isCurrent(v: string): boolean {
  return isLetter(v.charCodeAt(0)) && isLetter(v.charCodeAt(1)) && isDigit(v.charCodeAt(2)) && isDigit(v.charCodeAt(3)) &&
    isLetter(v.charCodeAt(4)) && isLetter(v.charCodeAt(5)) && isLetter(v.charCodeAt(6));
}

/**
 * Longest VRM accepted, in characters after normalisation. UK marks have at most 7, foreign
 * ones rarely more than 10; a longer "plate" is a misread, a corrupt row or hostile input
 * (rejected as `vrm_too_long` rather than kept as a vehicle).
 */
export const MAX_VRM_LENGTH = 15;

/** All VRM format classes, in summary order. */
export const VRM_FORMATS: readonly VrmFormat[] = ['current', 'prefix', 'suffix', 'dateless', 'northern_ireland', 'other'];
