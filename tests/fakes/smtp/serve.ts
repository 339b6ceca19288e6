/**
 * `npm run dev:mail`: a local SMTP catcher. Prints each message Samråd would have sent (who,
 * subject, language, the invitation's method) and its plain text, and the settings to start
 * Samråd against it. Nothing leaves this machine.
 */
import { startSmtpCatcher } from "./catcher.js";

const port = Number(process.env.PORT ?? 2525);
const catcher = await startSmtpCatcher({
  port,
  onMail: (m) => {
    const calendar = m.parsed.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    const method = calendar ? /METHOD:(\w+)/.exec(calendar.content.toString("utf8"))?.[1] : undefined;
    console.log(
      [
        "────────────────────────────────────────",
        `To:       ${m.envelopeTo.join(", ")}`,
        `Subject:  ${m.parsed.subject ?? ""}`,
        `Language: ${String(m.parsed.headers.get("content-language") ?? "")}`,
        ...(method ? [`Invite:   ${method}`] : []),
        "",
        m.parsed.text ?? "",
      ].join("\n"),
    );
  },
});
console.log(`Local SMTP catcher listening on ${catcher.url}\n\nStart Samråd against it with:\n`);
console.log(`  SMTP_URL=${catcher.url} MAIL_FROM="Samråd <samrad@localhost>" npm start\n`);
console.log("Every message is printed here and nowhere delivered. Ctrl-C stops it.");
process.on("SIGINT", () => void catcher.close().then(() => process.exit(0)));
