/**
 * Whether a write failed on a UNIQUE index. better-sqlite3 and D1 both pass SQLite's own message
 * through ("UNIQUE constraint failed: ..."), so the message is the one signal both engines share.
 */
export const isUniqueViolation = (err: unknown): boolean => err instanceof Error && /UNIQUE constraint failed/i.test(err.message);
