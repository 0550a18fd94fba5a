// Runs the CLI bundle as bin/screen.js does, but compiled from source, not from V8's code cache:
// the bench's "without the code cache" rows (bench/results.md), on the same bundle.
import { loadBundle } from '../../bin/load-bundle.js';

await loadBundle({ useCache: false }).exports.main(process.argv);
