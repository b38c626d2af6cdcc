/**
 * The look-alike groups a run collects from its batches (runner.ts), packed: on a region's year
 * most of the millions of scored vehicles have a merged misread plate, and as objects the groups
 * were about 200 bytes of heap each (1.8M groups at 1,000M reads). The ranking makes the objects
 * when its `lookalikes` are first read.
 */
import type { LookalikeGroup } from '../reads/lookalikes';

/**
 * Groups added one at a time, given back as objects in plate order.
 * @example const list = new LookalikeList(); list.add(group); list.toArray()[0].vrm === group.vrm
 */
export class LookalikeList {
  #vrm: string[] = [];
  #reads: number[] = [];
  /** Group g's members are [start[g], start[g + 1]) of the member columns. */
  #start: number[] = [0];
  #memberVrm: string[] = [];
  #memberReads: number[] = [];

  /** Groups added so far. */
  get length(): number { return this.#vrm.length; }

  add(g: LookalikeGroup): void {
    this.#vrm.push(g.vrm); this.#reads.push(g.reads);
    for (const m of g.members) { this.#memberVrm.push(m.vrm); this.#memberReads.push(m.reads); }
    this.#start.push(this.#memberVrm.length);
  }

  /** The groups as new objects, sorted by plate (each batch's are already; the batches' interleave). */
  toArray(): LookalikeGroup[] {
    const order = this.#vrm.map((_, g) => g).sort((x, y) => (this.#vrm[x] < this.#vrm[y] ? -1 : this.#vrm[x] > this.#vrm[y] ? 1 : x - y));
    return order.map((g) => {
      const members: { vrm: string; reads: number }[] = [];
      for (let k = this.#start[g]; k < this.#start[g + 1]; k++) members.push({ vrm: this.#memberVrm[k], reads: this.#memberReads[k] });
      return { vrm: this.#vrm[g], reads: this.#reads[g], members };
    });
  }
}
