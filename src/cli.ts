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
  backup FILE                                    Write a consistent copy of the database to FILE (the server may run)
  restore FILE                                   Replace the database with the backup FILE (stop the server first)

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
  // Backup and restore work on the file itself: they must not open (or migrate) it as the service does.
  if (command === "backup" || command === "restore") return backupCommand(command, sub, config.databasePath);
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

async function backupCommand(command: "backup" | "restore", file: string | undefined, databasePath: string): Promise<number> {
  if (!file) {
    console.error(`A file is required: npm run cli -- ${command} FILE`);
    return 2;
  }
  const { BackupError, backupDatabase, restoreDatabase } = await import("./db/backup.js");
  try {
    if (command === "backup") {
      const { pages } = await backupDatabase(databasePath, file);
      console.log(`Backup of ${databasePath} written to ${file} (${pages} pages, integrity checked).`);
    } else {
      const { pages } = await restoreDatabase(file, databasePath);
      console.log(`Restored ${file} into ${databasePath} (${pages} pages). Start the server to apply any newer migrations.`);
    }
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `Failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
