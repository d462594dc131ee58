-- OpenADR 3 objects served by the Gridfleet VTN. The wire object is kept verbatim in body (JSONB);
-- the columns beside it are what queries, uniqueness and privacy need.
create table openadr_object (
    id            varchar(128) primary key,
    object_type   varchar(16)  not null,
    object_name   varchar(128),
    program_id    varchar(128),
    ven_id        varchar(128),
    owner_client  varchar(128),
    created_at    timestamptz  not null,
    modified_at   timestamptz  not null,
    body          jsonb        not null
);

-- programName and venName are unique per VTN, resourceName unique per VEN (OpenADR 3.0.1 Definitions).
create unique index openadr_object_name_uq
    on openadr_object (object_type, coalesce(ven_id, ''), object_name)
    where object_type in ('PROGRAM', 'VEN', 'RESOURCE');

-- Lists are answered in creation order so skip/limit pages are stable.
create index openadr_object_type_created_ix on openadr_object (object_type, created_at, id);
