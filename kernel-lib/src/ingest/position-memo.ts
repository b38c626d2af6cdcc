/**
 * Internal: per site, the bytes of the last lat and lon texts found to agree with the site
 * (Position.Ok). A CSV export writes a site's position the same way on every read, so most
 * rows are settled by comparing a few bytes, without building a key, hashing or parsing a
 * number. Whether a position agrees depends only on (site, lat text, lon text), so a match
 * here means exactly what the full check would say.
 *
 * @example
 * const m = new PositionMemo();
 * const b = Buffer.from('53.4,-2.2');
 * m.matches(3, b, 0, 4, 5, 9); // false
 * m.remember(3, b, 0, 4, 5, 9);
 * m.matches(3, b, 0, 4, 5, 9); // true
 */
export class PositionMemo {
  /** Per site: SLOT bytes, [lat length, lon length, lat bytes, lon bytes]. */
  private bytes = new Uint8Array(SLOT * 512);

  /** Whether lat text buf[las, lae) and lon text buf[los, loe) are the ones remembered for `site`. */
  matches(site: number, buf: Uint8Array, las: number, lae: number, los: number, loe: number): boolean {
    const o = site * SLOT, b = this.bytes;
    if (o >= b.length) return false;
    const nla = lae - las, nlo = loe - los;
    if (b[o] !== nla || b[o + 1] !== nlo || nla + nlo === 0) return false;
    let p = o + 2;
    for (let i = las; i < lae; i++) if (b[p++] !== buf[i]) return false;
    for (let i = los; i < loe; i++) if (b[p++] !== buf[i]) return false;
    return true;
  }

  /** Remember these texts as agreeing with `site` (texts too long for a slot are not kept). */
  remember(site: number, buf: Uint8Array, las: number, lae: number, los: number, loe: number): void {
    const nla = lae - las, nlo = loe - los;
    if (nla + nlo > SLOT - 2 || site < 0) return;
    const o = site * SLOT;
    if (o + SLOT > this.bytes.length) {
      const g = new Uint8Array(Math.max(this.bytes.length * 2, o + SLOT));
      g.set(this.bytes); this.bytes = g;
    }
    const b = this.bytes;
    b[o] = nla; b[o + 1] = nlo;
    let p = o + 2;
    for (let i = las; i < lae; i++) b[p++] = buf[i];
    for (let i = los; i < loe; i++) b[p++] = buf[i];
  }
}

/** Bytes per site: two lengths and up to 46 bytes of lat and lon text. */
const SLOT = 48;
