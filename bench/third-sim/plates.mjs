// plates.mjs — never-real number plates and look-alike misreads.
// Every plate starts with Z, which the DVLA never issues as a first character:
// current style Z + letter + age identifier + 3 letters (ZQ21KXB), or dateless Z + 1-3 digits
// + 3 letters (Z45HTR). A misread swaps one character for its OCR look-alike.

const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY'; // no I, Q, Z in the random letters (as the DVLA)
const AGES_ALL = [];
for (let y = 2; y <= 25; y++) AGES_ALL.push(String(y).padStart(2, '0'));
for (let y = 51; y <= 74; y++) AGES_ALL.push(String(y));
const AGES_NEW = ['23', '73', '24', '74', '25'];

export const NEVER_REAL = [/^Z[A-Z][0-9]{2}[A-Z]{3}$/, /^Z[0-9]{1,3}[A-Z]{3}$/];
export const isNeverReal = (vrm) => NEVER_REAL.some((re) => re.test(vrm));

export const LOOKALIKE = { O: '0', 0: 'O', I: '1', 1: 'I', S: '5', 5: 'S', B: '8', 8: 'B', Z: '2', 2: 'Z' };

/** A plate factory that never repeats a plate within one scenario. */
export function makePlateFactory() {
  const used = new Set();
  const letters = (rng, n) => { let s = ''; for (let i = 0; i < n; i++) s += rng.pick(LETTERS); return s; };
  function draw(rng, { newCar = false } = {}) {
    for (;;) {
      const vrm = !newCar && rng.chance(0.12)
        ? `Z${rng.int(1, 999)}${letters(rng, 3)}`
        : `Z${letters(rng, 1)}${rng.pick(newCar ? AGES_NEW : AGES_ALL)}${letters(rng, 3)}`;
      if (!used.has(vrm)) { used.add(vrm); return vrm; }
    }
  }
  return { draw, used };
}

/** One-character look-alike misread that is not a real plate of the scenario, or null. */
export function misread(vrm, rng, known) {
  const positions = [];
  for (let i = 0; i < vrm.length; i++) if (LOOKALIKE[vrm[i]] !== undefined) positions.push(i);
  for (const i of rng.shuffle(positions)) {
    const out = vrm.slice(0, i) + LOOKALIKE[vrm[i]] + vrm.slice(i + 1);
    if (!known.has(out)) return out;
  }
  return null;
}
