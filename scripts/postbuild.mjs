// After tsc: make the CLI executable (npm links bin files, but a direct run needs the bit),
// and copy the serve page's files (HTML, script, style) beside the compiled server.
import fs from 'node:fs';
fs.chmodSync(new URL('../dist/src/cli.js', import.meta.url), 0o755);
const from = new URL('../src/serve/public/', import.meta.url);
const to = new URL('../dist/src/serve/public/', import.meta.url);
fs.rmSync(to, { recursive: true, force: true });
fs.cpSync(from, to, { recursive: true });
