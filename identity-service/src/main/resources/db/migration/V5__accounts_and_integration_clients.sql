-- Accounts: a person's login, provisioned as a Keycloak user with one realm role and the institution attribute.
create table account (
    id               uuid         primary key,
    person_id        uuid         not null unique references person (id),  -- one login per person
    username         varchar(100) not null unique,
    role             varchar(20)  not null check (role in ('COORDINATOR', 'STUDENT', 'SUPERVISOR')),
    institution_code varchar(100) not null,                                -- SCHAC code, the token's institution claim
    keycloak_user_id varchar(64)  not null unique,
    status           varchar(10)  not null check (status in ('ACTIVE', 'DISABLED')),
    created_at       timestamptz  not null default now(),
    disabled_at      timestamptz,
    version          bigint       not null default 0
);
create index account_institution_idx on account (institution_code, username);

-- Integration clients: a confidential Keycloak client per institution's scripts, whose service account has the
-- role integration and the institution attribute. The secret is never stored here.
create table integration_client (
    id                 uuid         primary key,
    client_id          varchar(100) not null unique,
    institution_code   varchar(100) not null,
    keycloak_client_id varchar(64)  unique,                -- Keycloak's internal id; null once revoked
    status             varchar(10)  not null check (status in ('ACTIVE', 'REVOKED')),
    created_at         timestamptz  not null default now(),
    secret_rotated_at  timestamptz,
    revoked_at         timestamptz,
    version            bigint       not null default 0
);
create index integration_client_institution_idx on integration_client (institution_code, client_id);
