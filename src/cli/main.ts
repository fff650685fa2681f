/** `cocreate` command line. Each command lives in its own file under commands/. */
import { AppError, errorMessage, OperatorError } from '../server/platform/errors';
import { COMMANDS, helpText } from './commands';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return 0;
  }
  const sub = rest[0] && !rest[0].startsWith('-') ? `${name} ${rest[0]}` : null;
  const command = (sub && COMMANDS[sub]) || COMMANDS[name];
  if (!command) {
    console.error(`未知命令 Unknown command: ${name}\n\n${helpText()}`);
    return 2;
  }
  const args = sub && COMMANDS[sub] ? rest.slice(1) : rest;
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`cocreate ${sub && COMMANDS[sub] ? sub : name} ${command.usage}\n\n${command.description}`);
    return 0;
  }
  const run = await command.load();
  return run(args, { name: sub && COMMANDS[sub] ? sub : name, usage: command.usage });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof AppError) {
      console.error(`${errorMessage(err.code, 'zh-CN', err.details)}\n${errorMessage(err.code, 'en', err.details)}`);
      if (err.code === 'unknown_division')
        console.error(
          '查找代码 Find codes: https://www.stats.gov.cn/sj/tjbz/qhdm/ or `npx cocreate divisions find NAME`',
        );
    } else if (err instanceof OperatorError) {
      console.error(err.message);
    } else {
      console.error('意外错误 Unexpected error:', err instanceof Error ? err.message : err);
    }
    process.exit(1);
  },
);
