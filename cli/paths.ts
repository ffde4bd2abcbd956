import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (holds package.json), found from this module whether it runs bundled (dist/) or from source. */
export const repoRoot = (): string => {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
};
