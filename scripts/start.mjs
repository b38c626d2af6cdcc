// `npm start`: set up what is missing, then serve JupyterLab on 127.0.0.1 with the templates.
// Ctrl-C stops the server and its kernels.
import { setup } from './lib/setup.mjs';
import { ensureScenarios } from './lib/scenarios.mjs';
import { freePort, startLab } from './lib/lab-server.mjs';

setup();
ensureScenarios();
const wanted = Number(process.env.ANPR_LAB_PORT || 8888);
let port = wanted;
try {
  await new Promise((resolve, reject) => {
    import('node:net').then(({ default: net }) => {
      const s = net.createServer().once('error', reject).listen(wanted, '127.0.0.1', () => s.close(resolve));
    });
  });
} catch {
  port = await freePort();
  process.stderr.write(`[start] port ${wanted} is busy; using ${port}\n`);
}
const lab = await startLab({ port, token: process.env.ANPR_LAB_TOKEN, quiet: true });
process.stdout.write(`\nANPR Find & Profile is running:\n\n    ${lab.url}\n\nOpen notebooks/00-start-here.ipynb first. Ctrl-C stops it.\n`);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('\n[start] stopping JupyterLab...\n');
    await lab.stop();
    process.exit(0);
  });
}
lab.child.on('exit', code => {
  if (!stopping) {
    process.stderr.write(`[start] JupyterLab exited (${code})\n${lab.log()}\n`);
    process.exit(1);
  }
});
