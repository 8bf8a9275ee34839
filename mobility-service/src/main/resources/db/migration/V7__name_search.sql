-- Mobilities are searched by the student's name whatever the accents, case, apostrophes and hyphens ("daubigne"
-- finds D’Aubigné), and in any Unicode form (names typed on macOS arrive decomposed, NFD). The same functions as
-- identity-service's V8__name_search.sql. unaccent and pg_trgm ship with PostgreSQL (contrib) and are trusted:
-- the database's owner may create them. An ICU nondeterministic collation would ignore accents too, but
-- PostgreSQL 17 refuses LIKE on one.
create extension if not exists unaccent with schema public;
create extension if not exists pg_trgm with schema public;

-- The form in which names are searched; immutable so that a generated column and an index can use it.
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

-- Names and identifiers were stored as sent until now: names in NFC from here on, emails in lower case, INE and
-- student numbers in capitals (see docs/api/conventions.md). Only rows that change are touched, so that the change
-- feed does not send every mobility again.
update mobility set given_name = normalize(given_name, NFC), family_name = normalize(family_name, NFC),
                    chinese_name = normalize(chinese_name, NFC), email = lower(trim(email)),
                    ine = upper(trim(ine)), student_number = upper(trim(student_number))
where given_name <> normalize(given_name, NFC) or family_name <> normalize(family_name, NFC)
   or chinese_name <> normalize(chinese_name, NFC) or email <> lower(trim(email))
   or ine <> upper(trim(ine)) or student_number <> upper(trim(student_number));

alter table mobility add column name_search text generated always as (search_form(
        given_name || ' ' || family_name || ' ' || coalesce(chinese_name, ''))) stored;
create index mobility_name_search_idx on mobility using gin (name_search gin_trgm_ops);
