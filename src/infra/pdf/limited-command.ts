import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The command line that starts a sandbox child under an operating-system memory limit.
 *
 * `prlimit --data` (util-linux) caps the process's writable private memory: the data segment,
 * malloc, every ArrayBuffer and the V8 heap. `--as` would cap address space instead, which Node
 * cannot live with: V8 and WebAssembly reserve gigabytes of address space they never touch, so
 * an `--as` limit low enough to matter stops Node from starting at all. `setpriv --pdeathsig`
 * makes the kernel kill the child when its parent dies, even in the middle of a tight
 * decompression loop where the child could not notice the parent's end by itself.
 */
export function limitedCommand(
  argv: readonly string[],
  memoryBytes: number,
): { command: string; args: string[]; limited: boolean } {
  const tools = linuxTools();
  if (!tools.prlimit) {
    return { command: argv[0]!, args: argv.slice(1), limited: false };
  }
  const limited = [tools.prlimit, `--data=${memoryBytes}`, '--', ...argv];
  const full = tools.setpriv ? [tools.setpriv, '--pdeathsig', 'KILL', '--', ...limited] : limited;
  return { command: full[0]!, args: full.slice(1), limited: true };
}

let found: { prlimit: string | null; setpriv: string | null } | undefined;

function linuxTools() {
  found ??= { prlimit: which('prlimit'), setpriv: which('setpriv') };
  return found;
}

function which(name: string): string | null {
  if (process.platform !== 'linux') return null;
  for (const dir of (process.env.PATH || '/usr/bin:/bin').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return null;
}
