// Preloaded into the CMS server the benchmark starts (`node --import ./bench/exit-with-parent.mjs
// dist/src/main.js`): its stdin is a pipe from the runner, which closes when the runner exits,
// however it exits (even SIGKILL). The server then gets SIGTERM and shuts down as it always does.
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
