import type { Message } from "@microsoft/microsoft-graph-types";
import type { Mailer, OutgoingMail } from "../meetings/scheduler.js";
import type { GraphApi } from "./graph-client.js";

/** Sends plain-text mail from the organiser's mailbox (`POST /users/{organizer}/sendMail`). */
export class GraphMailer implements Mailer {
  readonly canSend = true;

  constructor(private readonly graph: GraphApi) {}

  async send(mail: OutgoingMail): Promise<void> {
    const message: Message = {
      subject: mail.subject,
      body: { contentType: "text", content: mail.body },
      toRecipients: [{ emailAddress: { name: mail.to.name, address: mail.to.email } }],
    };
    // Graph answers 202 with no body: accepted for delivery, not yet delivered.
    await this.graph.call("send mail", (api) =>
      api(`${this.graph.mailboxPath}/sendMail`).post({ message, saveToSentItems: true }),
    );
  }
}
