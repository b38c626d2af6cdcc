// The extension lives in rooms (map/, profile/, shared/), none holding more than 15 files, and
// the rooms keep to their side: map and profile share only through shared/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '..', '..', '..', 'jupyterlab-ext', 'src');

function folders(dir: string): string[] {
  return [dir, ...readdirSync(dir).map(f => path.join(dir, f)).filter(p => statSync(p).isDirectory()).flatMap(folders)];
}

function files(dir: string): string[] {
  return readdirSync(dir).filter(f => statSync(path.join(dir, f)).isFile());
}

it('has the rooms map/, profile/, shared/, none with more than 15 files', () => {
  expect(readdirSync(SRC).filter(f => statSync(path.join(SRC, f)).isDirectory()).sort()).toEqual(['map', 'profile', 'shared']);
  const crowded = folders(SRC).filter(d => files(d).length > 15).map(d => `${path.relative(SRC, d)}: ${files(d).length}`);
  expect(crowded).toEqual([]);
});

it('map/ and profile/ import each other only through shared/', () => {
  const crossing: string[] = [];
  for (const [room, other] of [['map', 'profile'], ['profile', 'map']]) {
    for (const dir of folders(path.join(SRC, room))) {
      for (const f of files(dir).filter(n => n.endsWith('.ts'))) {
        const text = readFileSync(path.join(dir, f), 'utf8');
        for (const [, spec] of text.matchAll(/from '(\.[^']+)'/g)) {
          const target = path.relative(SRC, path.resolve(dir, spec));
          if (target.split(path.sep)[0] === other) crossing.push(`${path.relative(SRC, path.join(dir, f))} -> ${target}`);
        }
      }
    }
  }
  expect(crossing).toEqual([]);
});
