-- Issue 12: the expert may propose other times, and the pages do everything the service can.
-- Plain SQL for the Node migrator and wrangler alike (no BEGIN/COMMIT).

-- Who proposed the current round of times. The expert's own times are a round like the group's
-- (proposed_slots.round), so the consultation stays `requested` (no new state: the status CHECK
-- of 0001 would need a rebuild of the table); the lifecycle's guards read this column to let the
-- expert confirm only the group's times and the group accept only the expert's.
ALTER TABLE consultations ADD COLUMN slotsProposedBy TEXT NOT NULL DEFAULT 'group' CHECK (slotsProposedBy IN ('group', 'expert'));

-- A meeting link of the group's own (pasted when no tenant creates the meeting). Shown to the
-- expert and put in the invitation until Graph's join link replaces it.
ALTER TABLE consultations ADD COLUMN ownMeetingUrl TEXT;

-- The language the expert chose on their page, remembered for the mails they receive.
ALTER TABLE experts ADD COLUMN preferredLanguage TEXT CHECK (preferredLanguage IN ('fi', 'sv', 'en'));

-- One row per page form that created something: a reload, a double click or the back button
-- sends the same key again, finds the row and is shown what the first send made.
CREATE TABLE form_submissions (
  formKey TEXT PRIMARY KEY,
  groupId TEXT NOT NULL REFERENCES dev_groups(id),
  resultId TEXT NOT NULL,
  createdAt TEXT NOT NULL
);
