// Never-real plates. Only forms no UK registration series has issued: current style with first
// letter Z (Z, letter, 2 digits, 3 letters, e.g. ZK19ABC) and prefix style starting with Z
// (Z, 1-3 digits, 3 letters, e.g. Z123ABC). Unique per plate.

const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY'; // no I, Q, Z in the generated letters
const AGES = [];
for (let y = 2; y <= 25; y++) AGES.push(String(y).padStart(2, '0'), String(y + 50));

/** A factory of unique never-real plates; prefixShare is the share in prefix style. @example const next = plateFactory(rng, 0.1); next() // 'ZK19ABC' */
export function plateFactory(rng, prefixShare) {
  const used = new Set();
  const letters = (n) => { let s = ''; for (let i = 0; i < n; i++) s += rng.pick(LETTERS); return s; };
  return function next() {
    for (;;) {
      let p;
      if (rng.chance(prefixShare)) {
        const digits = rng.weighted([1, 2, 3], [1, 3, 6]);
        p = 'Z' + String(rng.int(digits === 1 ? 1 : 10 ** (digits - 1), 10 ** digits - 1)) + letters(3);
      } else {
        p = 'Z' + rng.pick(LETTERS) + rng.pick(AGES) + letters(3);
      }
      if (!used.has(p)) { used.add(p); return p; }
    }
  };
}

/** True if a plate (spaces removed) is in one of the two never-real forms. @example isNeverReal('ZK19ABC') && isNeverReal('Z45KLM') */
export function isNeverReal(plate) {
  return /^Z[A-Z][0-9]{2}[A-Z]{3}$/.test(plate) || /^Z[0-9]{1,3}[A-Z]{3}$/.test(plate);
}

/** Where a space goes when an export writes one: before the last three letters. @example spaced('ZK19ABC') === 'ZK19 ABC' */
export function spaced(plate) { return plate.slice(0, -3) + ' ' + plate.slice(-3); }
