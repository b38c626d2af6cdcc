// plates.mjs — safe synthetic plates and look-alike misreads.
// Every true plate starts with Z (never issued on UK plates) and matches
// ^Z[A-Z][0-9]{2}[A-Z]{3}$ or ^Z[0-9]{1,3}[A-Z]{3}$. A misread swaps exactly one
// look-alike character (O/0, I/1, S/5, B/8, Z/2) at a position after the first, so
// the leading Z survives. No two true plates are look-alike variants of each other, so
// a misread never equals another true plate.

export const SAFE_RE = /^Z[A-Z][0-9]{2}[A-Z]{3}$|^Z[0-9]{1,3}[A-Z]{3}$/;
export const LOOK = { O: '0', 0: 'O', I: '1', 1: 'I', S: '5', 5: 'S', B: '8', 8: 'B', Z: '2', 2: 'Z' };
const CANON = { 0: 'O', 1: 'I', 5: 'S', 8: 'B', 2: 'Z' };
const LET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const canonical = (p) => p.replace(/[01582]/g, (c) => CANON[c]);

function drawPlate(rng) {
  const L = () => LET[rng.int(0, 25)], D = () => String(rng.int(0, 9));
  if (rng.next() < 0.8) return 'Z' + L() + D() + D() + L() + L() + L();
  const nd = rng.int(1, 3);
  let digits = String(rng.int(1, 9));
  for (let i = 1; i < nd; i++) digits += D();
  return 'Z' + digits + L() + L() + L();
}

export class PlateBook {
  constructor() { this.canon = new Set(); this.all = []; }
  issue(rng) {
    for (;;) {
      const p = drawPlate(rng);
      const c = canonical(p);
      if (this.canon.has(c)) continue;
      this.canon.add(c);
      this.all.push(p);
      return p;
    }
  }
}

/** one look-alike substitution after the first character, or null if the plate has none */
export function misread(plate, rng) {
  const pos = [];
  for (let i = 1; i < plate.length; i++) if (LOOK[plate[i]] !== undefined) pos.push(i);
  if (!pos.length) return null;
  const i = rng.pick(pos);
  return plate.slice(0, i) + LOOK[plate[i]] + plate.slice(i + 1);
}
