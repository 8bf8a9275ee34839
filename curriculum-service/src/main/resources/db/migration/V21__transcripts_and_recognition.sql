-- What curriculum-service knows of a mobility, from mobility-service's events: who sends and receives, whose it is
-- and whether it is completed. Transcripts are checked against it, never by a call to mobility-service.
create table mobility_copy (
    mobility_id            uuid         primary key,
    agreement_id           uuid,
    academic_year          char(9)      not null,
    mobility_type          varchar(40)  not null,
    sending_institution    varchar(100) not null,
    receiving_institution  varchar(100) not null,
    person_id              uuid,
    student_email          varchar(320),
    status                 varchar(20)  not null,
    completed_at           timestamptz,
    changed_at             timestamptz  not null default now()
);

-- The components of the mobility's last approved learning agreement (LearningAgreementApproved), replaced whole
-- when a later version is approved. (No reference to mobility_copy: an approval of a mobility nominated before
-- this table existed is kept all the same.)
create table agreed_component (
    mobility_id        uuid          not null,
    session_id         uuid          not null,
    title              varchar(300),
    ects               numeric(5, 1) not null,
    chinese_credits    numeric(5, 1) not null,
    agreement_version  int           not null,
    primary key (mobility_id, session_id)
);

-- A transcript of records: one row per version; a correction is a new version with its reason. The receiving
-- institution issues it; both sides read every version.
create table transcript (
    id                 uuid          primary key,
    mobility_id        uuid          not null references mobility_copy (mobility_id),
    version            int           not null check (version >= 1),
    scale_id           uuid          not null references grading_scale (id),
    issued_by          varchar(100)  not null,
    issued_by_account  varchar(200),
    issued_at          timestamptz   not null default now(),
    correction_reason  varchar(1000),
    constraint transcript_version unique (mobility_id, version),
    constraint transcript_correction_has_reason check (version = 1 or correction_reason is not null)
);

create table transcript_result (
    transcript_id           uuid          not null references transcript (id),
    session_id              uuid          not null,
    title                   varchar(300),
    grade                   varchar(30)   not null,
    passed                  boolean       not null,
    ects_earned             numeric(5, 1) not null,
    chinese_credits_earned  numeric(5, 1) not null,
    assessed_on             date          not null,
    primary key (transcript_id, session_id)
);

-- The sending institution's recognition of a transcript version: per passed component, the home course(s) or
-- extra credits, the grade converted into the home scale with how, and the reason for any component outside the
-- last approved learning agreement (who and when are on the recognition).
create table recognition (
    id                  uuid         primary key,
    mobility_id         uuid         not null unique references mobility_copy (mobility_id),
    transcript_id       uuid         not null references transcript (id),
    transcript_version  int          not null,
    home_scale_id       uuid         not null references grading_scale (id),
    recognised_by       varchar(100) not null,
    recognised_by_account varchar(200),
    recognised_at       timestamptz  not null default now()
);

create table recognised_component (
    recognition_id            uuid          not null references recognition (id),
    session_id                uuid          not null,
    title                     varchar(300),
    grade                     varchar(30)   not null,
    home_grade                varchar(30)   not null,
    conversion                jsonb         not null,
    home_courses              jsonb         not null,
    extra_credits             boolean       not null,
    ects                      numeric(5, 1) not null,
    chinese_credits           numeric(5, 1) not null,
    outside_agreement_reason  varchar(1000),
    primary key (recognition_id, session_id)
);
