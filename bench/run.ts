/** `npm run bench`: every benchmark in bench/, one after the other. Not part of `npm test`. */
import { main as api } from "./api.bench.js";
import { main as report } from "./report.bench.js";

await api();
await report();
