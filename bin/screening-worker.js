// Entry of the screening worker thread (src/rules/screening-remote.ts): the same cached bundle as
// the CLI, serving the main thread's applicants.
import { loadBundle } from './load-bundle.js';

loadBundle().exports.serveScreening();
