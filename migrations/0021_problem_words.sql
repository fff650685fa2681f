-- Problems in plain words (issue #11, item 4): what a resident picks on the report page (路灯不亮,
-- 犬只扰民…), each mapped to a category of the national taxonomy (GB/T 47678.5) the case is filed
-- under. County officers edit them in the console; the standard tree stays for staff. A synonym (or
-- a word) belongs to one entry only: the service checks it in the transaction that writes, under
-- this table's lock, so a search for 狗 never has two answers.
CREATE TABLE problem_words (
  id            uuid PRIMARY KEY,
  word          text NOT NULL UNIQUE,
  synonyms      text[] NOT NULL DEFAULT '{}',
  category_code text NOT NULL REFERENCES categories (code),
  sort_order    integer NOT NULL DEFAULT 0,
  enabled       boolean NOT NULL DEFAULT true,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX problem_words_order ON problem_words (sort_order, word);

GRANT SELECT, INSERT, UPDATE ON problem_words TO cocreate_app;
