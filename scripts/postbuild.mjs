// Make the CLI executable after tsc (npm links bin files, but a direct run needs the bit).
import fs from 'node:fs';
fs.chmodSync(new URL('../dist/src/cli.js', import.meta.url), 0o755);
