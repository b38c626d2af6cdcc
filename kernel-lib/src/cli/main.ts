/**
 * `anpr` command dispatcher. Each subcommand lives in its own file and exports
 * `run(argv: string[]): Promise<number>` returning the exit code
 * (0 ok, 1 failure of a check, 2 bad usage or fatal input error).
 */
type Command = { summary: string; run: (argv: string[]) => Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  // name: () => import('./name').then(m => ({ summary: m.summary, run: m.run })),
  synth: () => import('./synth').then((m) => ({ summary: m.summary, run: m.run })),
  evaluate: () => import('./evaluate').then((m) => ({ summary: m.summary, run: m.run })),
  validate: () => import('./validate').then((m) => ({ summary: m.summary, run: m.run })),
  find: () => import('./find').then((m) => ({ summary: m.summary, run: m.run })),
  profile: () => import('./profile').then((m) => ({ summary: m.summary, run: m.run })),
  run: () => import('./run').then((m) => ({ summary: m.summary, run: m.run })),
  audit: () => import('./audit').then((m) => ({ summary: m.summary, run: m.run })),
  report: () => import('./report').then((m) => ({ summary: m.summary, run: m.run })),
  ingest: () => import('./ingest').then((m) => ({ summary: m.summary, run: m.run })),
  cache: () => import('./cache').then((m) => ({ summary: m.summary, run: m.run })),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || !(name in commands)) {
    const lines = ['usage: anpr <command> [options]', '', 'commands:'];
    for (const [n, load] of Object.entries(commands)) lines.push(`  ${n.padEnd(10)} ${(await load()).summary}`);
    (name && name !== '--help' && name !== '-h' ? process.stderr : process.stdout).write(lines.join('\n') + '\n');
    return name && name !== '--help' && name !== '-h' ? 2 : 0;
  }
  const cmd = await commands[name]();
  return cmd.run(rest);
}
