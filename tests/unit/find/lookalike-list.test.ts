import { describe, expect, it } from 'vitest';
import { LookalikeList } from '../../../kernel-lib/src/engines/lookalike-list';

const group = (vrm: string, reads: number, ...members: [string, number][]) => ({ vrm, reads, members: members.map(([v, r]) => ({ vrm: v, reads: r })) });

describe('LookalikeList (the runner keeps its batches\' look-alike groups packed)', () => {
  it('gives back the groups added, as new objects sorted by plate, batches interleaved', () => {
    const batch1 = [group('AB12CDE', 40, ['A812CDE', 2]), group('KL05MNO', 12, ['KLO5MNO', 1], ['KL0SMNO', 1])];
    const batch2 = [group('BC34DEF', 7, ['8C34DEF', 3]), group('ZZ99ZZZ', 5, ['2Z99ZZZ', 1])];
    const list = new LookalikeList();
    for (const g of [...batch1, ...batch2]) list.add(g);
    expect(list.length).toBe(4);
    const out = list.toArray();
    expect(out).toEqual([batch1[0], batch2[0], batch1[1], batch2[1]]);
    expect(out[0]).not.toBe(batch1[0]); // new objects: the added ones may go
    expect(out[0].members).not.toBe(batch1[0].members);
  });

  it('keeps the order of addition among equal plates (as a stable sort of the objects did), and is empty when nothing was added', () => {
    const list = new LookalikeList();
    list.add(group('AB12CDE', 1, ['A812CDE', 1]));
    list.add(group('AB12CDE', 2, ['AB1ZCDE', 1]));
    expect(list.toArray().map((g) => g.reads)).toEqual([1, 2]);
    expect(new LookalikeList().toArray()).toEqual([]);
  });
});
