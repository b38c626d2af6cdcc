// plates.mjs - never-real number plates and look-alike misreads.
// Every plate begins with Z, which the DVLA never issues as a first character:
//   current style  Z + letter + two-digit age identifier + three letters   (ZQ21KXB)
//   dateless style Z + 1-3 digits + three letters                           (Z45HTR)
// Misreads swap one look-alike character (O/0, I/1, S/5, B/8, Z/2).

const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY'; // no I, Q, Z in issued random letters
const AGES = ['03', '05', '07', '09', '11', '12', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23',
  '53', '56', '58', '60', '62', '63', '64', '65', '66', '67', '68', '69', '70', '71', '72', '73'];
const RECENT = ['24', '74', '25'];

export const CURRENT = /^Z[A-Z][0-9]{2}[A-Z]{3}$/;
export const DATELESS = /^Z[0-9]{1,3}[A-Z]{3}$/;

const LOOKALIKE = { O: '0', '0': 'O', I: '1', '1': 'I', S: '5', '5': 'S', B: '8', '8': 'B', Z: '2', '2': 'Z' };

export class PlateFactory {
  constructor(rng) { this.rng = rng; this.used = new Set(); }

  letters(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += this.rng.pick(LETTERS);
    return s;
  }

  /** A fresh unique plate; `recent` gives a new-car age identifier (hire and lease fleets). */
  make({ recent = false, dateless = false } = {}) {
    for (;;) {
      let p;
      if (dateless) p = `Z${this.rng.int(1, 999)}${this.letters(3)}`;
      else p = `Z${this.rng.pick(LETTERS)}${this.rng.pick(recent ? RECENT : AGES)}${this.letters(3)}`;
      if (!this.used.has(p)) { this.used.add(p); return p; }
    }
  }

  /** Plate for an ordinary private vehicle: mostly current style, a few dateless/cherished. */
  ordinary() { return this.make({ dateless: this.rng.chance(0.04), recent: this.rng.chance(0.08) }); }
}

/** A look-alike misread of plate (one character changed), or null if nothing can be confused. */
export function misread(plate, rng) {
  const idx = [];
  for (let i = 0; i < plate.length; i++) if (LOOKALIKE[plate[i]]) idx.push(i);
  if (!idx.length) return null;
  const i = rng.pick(idx);
  return plate.slice(0, i) + LOOKALIKE[plate[i]] + plate.slice(i + 1);
}
