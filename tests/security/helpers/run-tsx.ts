import { spawn } from 'node:child_process';
import path from 'node:path';

const TSX = path.resolve('node_modules/.bin/tsx');

export interface TsxRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Runs a script (or inline module code with `-e`) as its own process, the way an operator would.
export function runTsx(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<TsxRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, {
      env: { ...process.env, NODE_ENV: 'production', CHECKPOINT_DISABLE: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
