// Imported first by the executable, so the collector is tuned before the rest of the CLI loads
// (see heap-tuning.ts).
import { tuneHeapForFleets } from './heap-tuning.js';

tuneHeapForFleets();
