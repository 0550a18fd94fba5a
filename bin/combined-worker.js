// The worker that writes the combined outputs (推荐名单, 退回清单, reports) while the main thread
// writes the annotated copies (src/regional/combined-aside.ts): the same bundle, from V8's code cache.
import { loadBundle } from './load-bundle.js';

await loadBundle().exports.combinedWorkerMain();
