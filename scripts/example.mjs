// `npm run example`: builds, then checks the bundled example project with the CLI, the way CI
// would. The example has deliberate mistakes, so the CLI exits 1; this script reports that and
// exits 0 so npm does not print a failure.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status;
if (run(['scripts/build.mjs']) !== 0) process.exit(1);
console.log('$ node dist/cli.js check examples/mysite\n');
const status = run(['dist/cli.js', 'check', 'examples/mysite']);
console.log(`\n(exit status ${status}: ${status === 1 ? 'deployment problems found — a CI job would fail here' : status === 0 ? 'clean' : 'usage error'})`);
console.log('Open examples/mysite in VS Code with the extension installed to see the same findings as you type.');
process.exit(status === 2 ? 2 : 0);
