/** `npm run bench`: every benchmark in bench/, one after the other. Not part of `npm test`. */
import { main as api } from "./api.bench.js";
import { main as costs } from "./costs.bench.js";
import { main as report } from "./report.bench.js";
import { main as start } from "./start.bench.js";

await costs();
await api();
await report();
await start();
