-- People are searched by name whatever the accents, case, apostrophes and hyphens ("daubigne" finds D’Aubigné,
-- "jean pierre" finds Jean-Pierre), and in any Unicode form (names typed on macOS arrive decomposed, NFD).
-- unaccent and pg_trgm ship with PostgreSQL (contrib) and are trusted: the database's owner may create them.
-- An ICU nondeterministic collation would ignore accents too, but PostgreSQL 17 refuses LIKE on one.
create extension if not exists unaccent with schema public;
create extension if not exists pg_trgm with schema public;

-- The form in which names are searched. Immutable so that a generated column and an index can use it (the
-- unaccent dictionary is named by schema, so the result never depends on the search_path).
create function search_form(name text) returns text
    language sql immutable parallel safe strict
    return trim(regexp_replace(regexp_replace(
            lower(public.unaccent('public.unaccent'::regdictionary, normalize(name, NFC))),
            '[''’‘ʼ`´]', '', 'g'),
            '[\s.·‐‑–—-]+', ' ', 'g'));

-- A LIKE pattern for one word of a query (its own % and _ already escaped by the service).
create function search_pattern(word text) returns text
    language sql immutable parallel safe strict
    return '%' || search_form(word) || '%';

-- Names were stored as sent until now: in NFC from here on, and emails in lower case (see docs/api/conventions.md).
update person set given_name = normalize(given_name, NFC), family_name = normalize(family_name, NFC),
                  given_name_pinyin = normalize(given_name_pinyin, NFC), family_name_pinyin = normalize(family_name_pinyin, NFC),
                  email = lower(trim(email))
where given_name <> normalize(given_name, NFC) or family_name <> normalize(family_name, NFC)
   or given_name_pinyin <> normalize(given_name_pinyin, NFC) or family_name_pinyin <> normalize(family_name_pinyin, NFC)
   or email <> lower(trim(email));

alter table person add column name_search text generated always as (search_form(
        given_name || ' ' || family_name || ' ' || coalesce(family_name_hanzi || given_name_hanzi, '') || ' '
        || coalesce(given_name_pinyin || ' ' || family_name_pinyin, ''))) stored;
create index person_name_search_idx on person using gin (name_search gin_trgm_ops);
