-- Councils' meetings on the meetings engine (issue #13 item 6): 业委会 / 小区自治委员会 / 村民议事会 / 红白理事会
-- hold meetings whose roster is the council's members in the term covering the meeting day. Their quorum and
-- majority are not a statute's but a regulation's or the council's own rules: stored here per meeting type
-- (named fractions of quorum.domain / fractions.domain), editable by county staff with an audit row like the
-- other defaults, and frozen onto each meeting when it is noticed (own_rule), so that a later change does not
-- rewrite a past meeting's result.
ALTER TABLE meeting_type_rules
  ADD COLUMN quorum_fraction   text CHECK (quorum_fraction IN ('more_than_half', 'half_or_more', 'two_thirds_or_more', 'three_quarters_or_more', 'four_fifths_or_more')),
  ADD COLUMN decision_fraction text CHECK (decision_fraction IN ('more_than_half', 'half_or_more', 'two_thirds_or_more', 'three_quarters_or_more', 'four_fifths_or_more')),
  ADD COLUMN decision_base     text CHECK (decision_base IN ('present', 'members'));

INSERT INTO meeting_type_rules (meeting_type, notice_days, proxies_allowed, max_proxies, quorum_fraction, decision_fraction, decision_base) VALUES
  -- 《业主大会和业主委员会指导规则》: 过半数委员出席, 全体委员半数以上同意
  ('owners_committee', 3, false, 0, 'more_than_half', 'half_or_more', 'members'),
  -- the council's own rules; the platform's default: 过半数成员到会, 到会人员过半数同意
  ('autonomy_committee', 3, false, 0, 'more_than_half', 'more_than_half', 'present'),
  ('villagers_council', 3, false, 0, 'more_than_half', 'more_than_half', 'present'),
  ('red_white_council', 3, false, 0, 'more_than_half', 'more_than_half', 'present');

ALTER TABLE meetings
  ADD COLUMN council_id uuid REFERENCES councils (id),
  ADD COLUMN own_rule   jsonb;
CREATE INDEX meetings_council ON meetings (council_id, starts_at DESC) WHERE council_id IS NOT NULL;
