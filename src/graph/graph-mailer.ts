import type { Message } from "@microsoft/microsoft-graph-types";
import type { Mailer, OutgoingMail } from "../meetings/scheduler.js";
import type { GraphApi } from "./graph-client.js";

const toBase64 = (text: string) => {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
};

/** Sends mail from the organiser's mailbox (`POST /users/{organizer}/sendMail`). */
export class GraphMailer implements Mailer {
  readonly canSend = true;
  readonly provider = "graph" as const;

  constructor(private readonly graph: GraphApi) {}

  async send(mail: OutgoingMail): Promise<void> {
    const message: Message = {
      subject: mail.subject,
      body: mail.html ? { contentType: "html", content: mail.html } : { contentType: "text", content: mail.body },
      toRecipients: [{ emailAddress: { name: mail.to.name, address: mail.to.email } }],
      // Graph sets its own Message-ID; custom headers must start with X-. The key lets a reader's
      // system (and a support person) see that a resent message is the same one.
      ...(mail.messageId ? { internetMessageHeaders: [{ name: "X-Samrad-Message-Key", value: mail.messageId }] } : {}),
      ...(mail.calendar
        ? {
            attachments: [
              {
                "@odata.type": "#microsoft.graph.fileAttachment",
                name: "invite.ics",
                contentType: `text/calendar; method=${mail.calendar.method}`,
                contentBytes: toBase64(mail.calendar.content),
              } as NonNullable<Message["attachments"]>[number],
            ],
          }
        : {}),
    };
    // Graph answers 202 with no body: accepted for delivery, not yet delivered.
    await this.graph.call("send mail", (api) =>
      api(`${this.graph.mailboxPath}/sendMail`).post({ message, saveToSentItems: true }),
    );
  }
}
