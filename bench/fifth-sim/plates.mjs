// plates.mjs — never-real plates and look-alike misreads. Every issued plate
// starts with Z (the DVLA never issues Z first): ZQ21KXB (current style) or
// Z45HTR (dateless style). Misreads swap one look-alike character
// (O<->0, I<->1, S<->5, B<->8, Z<->2), so a misread Z may become 2.

const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXYZ'; // no I or Q, as on issued plates
const SWAP = { O: '0', 0: 'O', I: '1', 1: 'I', S: '5', 5: 'S', B: '8', 8: 'B', Z: '2', 2: 'Z' };

export const PLATE_PATTERNS = [/^Z[A-Z][0-9]{2}[A-Z]{3}$/, /^Z[0-9]{1,3}[A-Z]{3}$/];
export const isSafePlate = (p) => PLATE_PATTERNS.some((re) => re.test(p));

export class PlateFactory {
  constructor(rng) { this.rng = rng; this.used = new Set(); }
  letters(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += this.rng.pick(LETTERS);
    return s;
  }
  next() {
    for (;;) {
      const r = this.rng;
      const plate = r.chance(0.9)
        ? `Z${this.letters(1)}${String(r.int(0, 99)).padStart(2, '0')}${this.letters(3)}`
        : `Z${r.int(1, 999)}${this.letters(3)}`;
      if (!this.used.has(plate) && isSafePlate(plate)) { this.used.add(plate); return plate; }
    }
  }
}

/** one-character look-alike misread, or null when no safe variant exists */
export function misread(plate, rng, realPlates) {
  const positions = [];
  for (let i = 0; i < plate.length; i++) if (SWAP[plate[i]] !== undefined) positions.push(i);
  for (const i of rng.shuffle(positions)) {
    const out = plate.slice(0, i) + SWAP[plate[i]] + plate.slice(i + 1);
    if (!realPlates.has(out)) return out;
  }
  return null;
}
