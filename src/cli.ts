import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.js";
import { buildNodeDeps } from "./node-deps.js";
import { silentLogger } from "./lib/log.js";
import { issueApiToken } from "./tokens/tokens.service.js";

const usage = `Usage: npm run cli -- <command>

Commands:
  token create --role coordinator --label NAME   Create a coordinator token (printed alone on the last line)
  demo                                           Fill an empty database with demo data and print its tokens
  migrate                                        Apply pending migrations and exit

The database is DATABASE_PATH (default ./data/samrad.sqlite), as for npm start.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: "string" }, label: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command ? 0 : 2;
  }
  const config = loadConfig(process.env);
  const { deps, close, applied } = await buildNodeDeps(config, { log: silentLogger });
  try {
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
    if (command === "migrate") return 0;
    if (command === "token" && sub === "create") {
      if (values.role !== "coordinator") {
        console.error("--role coordinator is required (member tokens come with POST /api/groups/:id/members)");
        return 2;
      }
      const label = values.label?.trim();
      if (!label) {
        console.error("--label NAME is required, e.g. --label 'Nordic coordinator'");
        return 2;
      }
      const { token } = await issueApiToken(deps, null, { role: "coordinator", label });
      console.log(`Coordinator token "${label}" created in ${config.databasePath}. It is shown only now:`);
      console.log(token);
      return 0;
    }
    if (command === "demo") {
      const { seedDemo } = await import("./demo/seed-demo.js");
      const result = await seedDemo(deps);
      if (!result.ok) {
        console.error(result.message);
        return 1;
      }
      const { token } = await issueApiToken(deps, null, { role: "coordinator", label: "demo coordinator" });
      console.log(`Demo data written to ${config.databasePath}: ${JSON.stringify(result.value.counts)}`);
      console.log("Member tokens (sign in at /app/login):");
      for (const m of result.value.members) console.log(`  ${m.group} / ${m.name}: ${m.token}`);
      console.log("Coordinator token (sign in at /coordinator):");
      console.log(token);
      return 0;
    }
    console.error(`Unknown command: ${positionals.join(" ")}\n\n${usage}`);
    return 2;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `Failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
