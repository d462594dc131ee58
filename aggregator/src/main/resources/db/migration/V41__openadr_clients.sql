-- OAuth2 client-credentials clients of the VTN (role BL or VEN). The secret is stored only as a
-- PBKDF2 hash; access tokens only as their SHA-256 digest.
create table openadr_client (
    client_id     varchar(128) primary key,
    role          varchar(8)   not null check (role in ('BL', 'VEN')),
    ven_name      varchar(128),
    secret_salt   bytea        not null,
    secret_hash   bytea        not null,
    iterations    integer      not null,
    created_at    timestamptz  not null,
    check (role = 'BL' or ven_name is not null)
);

create table openadr_token (
    token_digest  bytea        primary key,
    client_id     varchar(128) not null references openadr_client (client_id) on delete cascade,
    expires_at    timestamptz  not null
);

create index openadr_token_expiry_ix on openadr_token (expires_at);
