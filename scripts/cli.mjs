// `npm run cli -- …`: the CLI from build/node/, rebuilt first when src/ has changed (see node-build.mjs).
import { run } from "./node-build.mjs";

await run("cli");
