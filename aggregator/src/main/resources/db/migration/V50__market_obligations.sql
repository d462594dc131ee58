-- The market desk's offers and obligations (one row per offer id, its latest snapshot) and every
-- state transition with who made it and when, so a restart keeps each acknowledged award.
-- Baselines are flat over the period (BaselinePlanner declares them so): one kW value.
create table market_obligation (
    offer_id                           varchar(200) primary key,
    product_id                         varchar(100) not null,
    period_start                       timestamptz  not null,
    period_end                         timestamptz  not null,
    capability_kw                      double precision not null,
    capability_price_per_mwh           double precision not null,
    performance_price_per_mw           double precision not null,
    state                              varchar(16)  not null
        check (state in ('OFFERED', 'AWARDED', 'DELIVERING', 'SETTLED', 'REJECTED', 'FAILED')),
    since                              timestamptz  not null,
    awarded_kw                         double precision,
    clearing_capability_price_per_mwh  double precision,
    clearing_performance_price_per_mw  double precision,
    baseline_kw                        double precision,
    settlement_score                   double precision,
    capability_credit                  double precision,
    performance_credit                 double precision,
    reason                             text,
    check (period_end > period_start)
);

create index market_obligation_period_ix on market_obligation (period_start);

create table market_obligation_transition (
    id          bigserial    primary key,
    offer_id    varchar(200) not null references market_obligation (offer_id),
    from_state  varchar(16),
    to_state    varchar(16)  not null,
    at          timestamptz  not null,
    actor       varchar(200) not null
);

create index market_obligation_transition_offer_ix on market_obligation_transition (offer_id, id);
