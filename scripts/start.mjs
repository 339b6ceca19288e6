// `npm start`: the Node server from build/node/, rebuilt first when src/ has changed (see node-build.mjs).
import { run } from "./node-build.mjs";

await run("entry.node");
