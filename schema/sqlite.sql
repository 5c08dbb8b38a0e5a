-- Generated from extract/models.py by `python -m extract build`. Do not edit.
CREATE TABLE [sources] (
  [source_id] TEXT NOT NULL,
  [publisher] TEXT NOT NULL,
  [published] TEXT NOT NULL,
  [published_date] TEXT NOT NULL,
  [published_note] TEXT,
  [title] TEXT NOT NULL,
  [language] TEXT NOT NULL,
  [original_language] TEXT,
  [dateline] TEXT,
  [url] TEXT,
  [rights] TEXT NOT NULL,
  [file] TEXT NOT NULL,
  [text_sha256] TEXT NOT NULL,
  [text] TEXT NOT NULL,
  [curation_status] TEXT NOT NULL CHECK ([curation_status] IN ('none', 'draft', 'curated')),
  PRIMARY KEY ([source_id])
);
CREATE VIRTUAL TABLE [sources_fts] USING FTS5 ([title], [text], content=[sources], tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE [organizations] (
  [organization_id] TEXT NOT NULL,
  [name] TEXT NOT NULL,
  [name_original] TEXT,
  [aliases] TEXT NOT NULL,
  [org_type] TEXT NOT NULL CHECK ([org_type] IN ('criminal_group', 'ngo', 'government_body', 'security_force', 'media_outlet', 'other')),
  [country] TEXT,
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([organization_id])
);
CREATE VIRTUAL TABLE [organizations_fts] USING FTS5 ([name], [name_original], [aliases], content=[organizations], tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE [actors] (
  [actor_id] TEXT NOT NULL,
  [name] TEXT NOT NULL,
  [actor_type] TEXT NOT NULL CHECK ([actor_type] IN ('person', 'group')),
  [role] TEXT,
  [organization_id] TEXT,
  [aliases] TEXT NOT NULL,
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([actor_id]),
  FOREIGN KEY ([organization_id]) REFERENCES [organizations]([organization_id])
);
CREATE INDEX [idx_actors_organization_id] ON [actors] ([organization_id]);
CREATE VIRTUAL TABLE [actors_fts] USING FTS5 ([name], [aliases], [role], content=[actors], tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE [places] (
  [place_id] TEXT NOT NULL,
  [name] TEXT NOT NULL,
  [place_type] TEXT NOT NULL CHECK ([place_type] IN ('country', 'admin1', 'locality', 'facility', 'region', 'natural_feature')),
  [country] TEXT,
  [admin1] TEXT,
  [aliases] TEXT NOT NULL,
  [geonames_id] INTEGER,
  [latitude] NUMERIC,
  [longitude] NUMERIC,
  [coordinate_source] TEXT,
  [coordinate_precision] TEXT CHECK ([coordinate_precision] IS NULL OR [coordinate_precision] IN ('locality', 'country')),
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([place_id])
);
CREATE VIRTUAL TABLE [places_fts] USING FTS5 ([name], [aliases], content=[places], tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE [events] (
  [event_id] TEXT NOT NULL,
  [event_type] TEXT NOT NULL CHECK ([event_type] IN ('battles', 'explosions_remote_violence', 'violence_against_civilians', 'protests', 'riots', 'strategic_developments', 'escape', 'detainee_transfer', 'gathering', 'statement', 'disaster')),
  [sub_event_type] TEXT CHECK ([sub_event_type] IS NULL OR [sub_event_type] IN ('armed_clash', 'government_regains_territory', 'non_state_actor_overtakes_territory', 'chemical_weapon', 'air_drone_strike', 'suicide_bomb', 'shelling_artillery_missile_attack', 'remote_explosive_landmine_ied', 'grenade', 'attack', 'abduction_forced_disappearance', 'sexual_violence', 'peaceful_protest', 'protest_with_intervention', 'excessive_force_against_protesters', 'violent_demonstration', 'mob_violence', 'agreement', 'arrests', 'change_to_group_activity', 'disrupted_weapons_use', 'headquarters_or_base_established', 'looting_property_destruction', 'non_violent_transfer_of_territory', 'other')),
  [date] TEXT,
  [date_precision] TEXT NOT NULL CHECK ([date_precision] IN ('day', 'month', 'year', 'unknown')),
  [date_note] TEXT,
  [place_id] TEXT,
  [summary] TEXT NOT NULL,
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([event_id]),
  FOREIGN KEY ([place_id]) REFERENCES [places]([place_id])
);
CREATE INDEX [idx_events_place_id] ON [events] ([place_id]);
CREATE VIRTUAL TABLE [events_fts] USING FTS5 ([summary], content=[events], tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE [event_participants] (
  [participant_id] TEXT NOT NULL,
  [event_id] TEXT NOT NULL,
  [actor_id] TEXT,
  [organization_id] TEXT,
  [role] TEXT NOT NULL CHECK ([role] IN ('actor', 'target', 'affected', 'witness', 'author')),
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([participant_id]),
  FOREIGN KEY ([event_id]) REFERENCES [events]([event_id]),
  FOREIGN KEY ([actor_id]) REFERENCES [actors]([actor_id]),
  FOREIGN KEY ([organization_id]) REFERENCES [organizations]([organization_id])
);
CREATE INDEX [idx_event_participants_event_id] ON [event_participants] ([event_id]);
CREATE INDEX [idx_event_participants_actor_id] ON [event_participants] ([actor_id]);
CREATE INDEX [idx_event_participants_organization_id] ON [event_participants] ([organization_id]);

CREATE TABLE [quotes] (
  [quote_id] TEXT NOT NULL,
  [source_id] TEXT NOT NULL,
  [text] TEXT NOT NULL,
  [kind] TEXT NOT NULL CHECK ([kind] IN ('direct', 'partial', 'indirect', 'written')),
  [speaker_actor_id] TEXT,
  [speaker_organization_id] TEXT,
  [attribution] TEXT,
  [event_id] TEXT,
  [char_start] INTEGER NOT NULL,
  [char_end] INTEGER NOT NULL,
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([quote_id]),
  FOREIGN KEY ([source_id]) REFERENCES [sources]([source_id]),
  FOREIGN KEY ([speaker_actor_id]) REFERENCES [actors]([actor_id]),
  FOREIGN KEY ([speaker_organization_id]) REFERENCES [organizations]([organization_id]),
  FOREIGN KEY ([event_id]) REFERENCES [events]([event_id])
);
CREATE INDEX [idx_quotes_source_id] ON [quotes] ([source_id]);
CREATE INDEX [idx_quotes_speaker_actor_id] ON [quotes] ([speaker_actor_id]);
CREATE INDEX [idx_quotes_speaker_organization_id] ON [quotes] ([speaker_organization_id]);
CREATE INDEX [idx_quotes_event_id] ON [quotes] ([event_id]);
CREATE VIRTUAL TABLE [quotes_fts] USING FTS5 ([text], [attribution], content=[quotes], tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE [figures] (
  [figure_id] TEXT NOT NULL,
  [source_id] TEXT NOT NULL,
  [surface] TEXT NOT NULL,
  [value] NUMERIC,
  [value_max] NUMERIC,
  [qualifier] TEXT NOT NULL CHECK ([qualifier] IN ('exact', 'approximate', 'at_least', 'more_than', 'less_than', 'vague')),
  [unit] TEXT NOT NULL CHECK ([unit] IN ('count', 'year', 'decade', 'month', 'week', 'day', 'hour', 'minute', 'second', 'percent', 'money', 'fraction', 'percentage_point', 'magnitude', 'basis_point', 'kB', 'MB', 'GB', 'TB', 'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'INR', 'PKR', 'BRL', 'MYR', 'AUD', 'CAD', 'HKD', 'TWD', 'NZD', 'SGD', 'CHF', 'RUB', 'NGN', 'KES', 'ZAR', 'MXN', 'ARS', 'COP', 'CLP', 'PHP', 'PEN', 'VES', 'KRW', 'TRY', 'ILS', 'UAH', 'EGP', 'SAR', 'AED', 'PLN', 'SEK', 'NOK', 'DKK', 'IDR', 'THB', 'VND', 'GHS', 'XOF', 'BDT', 'LKR', 'NPR', 'ETB', 'UGX', 'TZS', 'ZMW', 'MAD', 'QAR', 'KWD', 'IQD', 'IRR', 'AFN', 'MMK', 'PGK', 'KZT', 'HUF', 'CZK', 'RON', 'km/h', 'mi/h', 'kn', 'km2', 'm2', 'mi2', 'ft2', 'ha', 'acre', 'm3', 'nmi', 'km', 'mm', 'cm', 'm', 'mi', 'ft', 'in', 'kg', 'g', 't', 'lb', 'l', 'bbl', '°C', '°F', 'kW', 'MW', 'GW', 'kWh', 'MWh', 'GWh', 'TWh')),
  [counts] TEXT NOT NULL,
  [counts_key] TEXT,
  [actor_id] TEXT,
  [organization_id] TEXT,
  [event_id] TEXT,
  [char_start] INTEGER NOT NULL,
  [char_end] INTEGER NOT NULL,
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([figure_id]),
  FOREIGN KEY ([source_id]) REFERENCES [sources]([source_id]),
  FOREIGN KEY ([actor_id]) REFERENCES [actors]([actor_id]),
  FOREIGN KEY ([organization_id]) REFERENCES [organizations]([organization_id]),
  FOREIGN KEY ([event_id]) REFERENCES [events]([event_id])
);
CREATE INDEX [idx_figures_source_id] ON [figures] ([source_id]);
CREATE INDEX [idx_figures_actor_id] ON [figures] ([actor_id]);
CREATE INDEX [idx_figures_organization_id] ON [figures] ([organization_id]);
CREATE INDEX [idx_figures_event_id] ON [figures] ([event_id]);

CREATE TABLE [mentions] (
  [mention_id] TEXT NOT NULL,
  [source_id] TEXT NOT NULL,
  [entity_type] TEXT NOT NULL CHECK ([entity_type] IN ('actor', 'organization', 'place', 'event')),
  [actor_id] TEXT,
  [organization_id] TEXT,
  [place_id] TEXT,
  [event_id] TEXT,
  [text] TEXT NOT NULL,
  [char_start] INTEGER NOT NULL,
  [char_end] INTEGER NOT NULL,
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([mention_id]),
  FOREIGN KEY ([source_id]) REFERENCES [sources]([source_id]),
  FOREIGN KEY ([actor_id]) REFERENCES [actors]([actor_id]),
  FOREIGN KEY ([organization_id]) REFERENCES [organizations]([organization_id]),
  FOREIGN KEY ([place_id]) REFERENCES [places]([place_id]),
  FOREIGN KEY ([event_id]) REFERENCES [events]([event_id])
);
CREATE INDEX [idx_mentions_source_id] ON [mentions] ([source_id]);
CREATE INDEX [idx_mentions_actor_id] ON [mentions] ([actor_id]);
CREATE INDEX [idx_mentions_organization_id] ON [mentions] ([organization_id]);
CREATE INDEX [idx_mentions_place_id] ON [mentions] ([place_id]);
CREATE INDEX [idx_mentions_event_id] ON [mentions] ([event_id]);

CREATE TABLE [claims] (
  [claim_id] TEXT NOT NULL,
  [event_id] TEXT NOT NULL,
  [source_id] TEXT NOT NULL,
  [claimant_actor_id] TEXT,
  [claimant_organization_id] TEXT,
  [proposition] TEXT NOT NULL,
  [polarity] TEXT NOT NULL CHECK ([polarity] IN ('asserts', 'denies')),
  [certainty] TEXT NOT NULL CHECK ([certainty] IN ('stated', 'reported', 'rumored')),
  [quote_id] TEXT,
  [figure_id] TEXT,
  [text] TEXT NOT NULL,
  [char_start] INTEGER NOT NULL,
  [char_end] INTEGER NOT NULL,
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([claim_id]),
  FOREIGN KEY ([event_id]) REFERENCES [events]([event_id]),
  FOREIGN KEY ([source_id]) REFERENCES [sources]([source_id]),
  FOREIGN KEY ([claimant_actor_id]) REFERENCES [actors]([actor_id]),
  FOREIGN KEY ([claimant_organization_id]) REFERENCES [organizations]([organization_id]),
  FOREIGN KEY ([quote_id]) REFERENCES [quotes]([quote_id]),
  FOREIGN KEY ([figure_id]) REFERENCES [figures]([figure_id])
);
CREATE INDEX [idx_claims_event_id] ON [claims] ([event_id]);
CREATE INDEX [idx_claims_source_id] ON [claims] ([source_id]);
CREATE INDEX [idx_claims_claimant_actor_id] ON [claims] ([claimant_actor_id]);
CREATE INDEX [idx_claims_claimant_organization_id] ON [claims] ([claimant_organization_id]);
CREATE INDEX [idx_claims_quote_id] ON [claims] ([quote_id]);
CREATE INDEX [idx_claims_figure_id] ON [claims] ([figure_id]);
CREATE VIRTUAL TABLE [claims_fts] USING FTS5 ([proposition], [text], content=[claims], tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE [claim_relations] (
  [relation_id] TEXT NOT NULL,
  [claim_id] TEXT NOT NULL,
  [other_claim_id] TEXT NOT NULL,
  [relation] TEXT NOT NULL CHECK ([relation] IN ('corroborates', 'contradicts', 'qualifies')),
  [note] TEXT,
  [scope] TEXT CHECK ([scope] IS NULL OR [scope] IN ('cross_source', 'within_source')),
  [method] TEXT NOT NULL CHECK ([method] IN ('curated', 'rule')),
  [provenance] TEXT NOT NULL,
  PRIMARY KEY ([relation_id]),
  FOREIGN KEY ([claim_id]) REFERENCES [claims]([claim_id]),
  FOREIGN KEY ([other_claim_id]) REFERENCES [claims]([claim_id])
);
CREATE INDEX [idx_claim_relations_claim_id] ON [claim_relations] ([claim_id]);
CREATE INDEX [idx_claim_relations_other_claim_id] ON [claim_relations] ([other_claim_id]);

CREATE TABLE [rule_scores] (
  [score_id] TEXT NOT NULL,
  [source_id] TEXT,
  [measure] TEXT NOT NULL CHECK ([measure] IN ('quotes', 'quotes_3plus', 'speakers', 'figures', 'persons', 'organizations', 'events')),
  [curated] INTEGER NOT NULL,
  [extracted] INTEGER NOT NULL,
  [matched] INTEGER NOT NULL,
  [precision] NUMERIC,
  [recall] NUMERIC,
  [f1] NUMERIC,
  PRIMARY KEY ([score_id]),
  FOREIGN KEY ([source_id]) REFERENCES [sources]([source_id])
);
CREATE INDEX [idx_rule_scores_source_id] ON [rule_scores] ([source_id]);

CREATE TABLE [vocabularies] (
  [vocabulary] TEXT NOT NULL,
  [value] TEXT NOT NULL,
  [description] TEXT NOT NULL,
  PRIMARY KEY ([vocabulary], [value])
);
