import type { AppEnv } from "../lib/auth.js";
import type { Lang, Messages } from "./i18n/index.js";
import type { FormData } from "./security.js";

/** What page handlers find on the context besides the app's own variables. */
export interface PageEnv {
  Variables: AppEnv["Variables"] & {
    lang: Lang;
    t: Messages;
    csrfToken: string;
    form: FormData | undefined;
    /** Who is signed in, for the frame: the member's name and group (issue 12). */
    signedIn: { name: string; group: string } | undefined;
    /** The signed-in member's group's zone, read with the frame so its pages need not read it again. */
    memberZone: string | undefined;
  };
}
