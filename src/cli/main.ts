import { commands } from './commands.ts';
import { describeUserError, UsageError } from './user-error.ts';

/**
 * The `dossier` command. Each command is a small module that calls the same services as the
 * web application; no command goes through HTTP.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview());
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) throw new UsageError(`Unknown command "${name}". Run "dossier --help" for the list.`);
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `Usage: dossier <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "dossier <command> --help" for a command's options.\n`;
}

try {
  const code = await main(process.argv.slice(2));
  if (code !== 0 || !keepsRunning(process.argv[2])) process.exitCode = code;
} catch (error) {
  const message = describeUserError(error);
  if (message) {
    process.stderr.write(`dossier: ${message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(
      'dossier: an unexpected error occurred; this is a bug, please report it.\n',
    );
    console.error(error);
    process.exitCode = 70;
  }
}

function keepsRunning(name: string | undefined): boolean {
  return name === 'serve' || name === 'start';
}
