// Runs the CLI from tsc's output (dist/cli/main.js) instead of the bundle bin/screen.js loads, so a
// CPU profile's frames can be mapped back to src/*.ts lines (profile.mjs). Same code, same arguments.
const { main } = await import('../../dist/cli/main.js');
await main(process.argv);
