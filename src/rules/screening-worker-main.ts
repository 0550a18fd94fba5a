// Entry of the screening worker when running unbundled (dist/); the bundle's is bin/screening-worker.js.
import { serveScreening } from './screening-worker.js';

serveScreening();
