-- Themes as a managed list (issue 11): the coordinator keeps each theme's name in Finnish,
-- Swedish and English. Topics and experts keep storing a theme's key (the lower-cased text they
-- were written with), so nothing that reads them changes; the pages show the name in their language.
CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  nameFi TEXT NOT NULL,
  nameSv TEXT NOT NULL,
  nameEn TEXT NOT NULL,
  createdAt TEXT NOT NULL
);
CREATE UNIQUE INDEX themes_key ON themes(key);

-- Existing free-text themes become entries, named as they were written in all three languages
-- until the coordinator translates them. Themes differing only in case or surrounding spaces are
-- one entry. The ids are random UUIDs (version 4) made in SQL, as D1 has no extension functions.
INSERT INTO themes (id, key, nameFi, nameSv, nameEn, createdAt)
SELECT
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
  k, name, name, name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (
  SELECT lower(trim(theme)) AS k, min(trim(theme)) AS name
  FROM (
    SELECT theme FROM topics
    UNION ALL
    SELECT json_each.value AS theme FROM experts, json_each(experts.themes)
  )
  WHERE trim(theme) <> ''
  GROUP BY lower(trim(theme))
);

-- Programmes (issue 11): national development programmes or projects a consultation may belong
-- to, e.g. the child-protection key projects. Which programme a consultation belongs to is kept
-- beside it, so that the lifecycle stays the only writer of consultations.
CREATE TABLE programmes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- The name in lower case, made by the service: SQLite's lower() leaves Ä, Ö and Å as they are.
  nameKey TEXT NOT NULL,
  description TEXT,
  createdAt TEXT NOT NULL
);
CREATE UNIQUE INDEX programmes_name ON programmes(nameKey);

CREATE TABLE consultation_programmes (
  consultationId TEXT PRIMARY KEY REFERENCES consultations(id),
  programmeId TEXT NOT NULL REFERENCES programmes(id),
  setAt TEXT NOT NULL
);
CREATE INDEX consultation_programmes_programme ON consultation_programmes(programmeId);
