-- Sessions running on chargers, as the OCPP gateway saw them start: OCPP names the EVSE and the id token only in
-- a transaction's first message, so a restarted Gridfleet needs these to resume a session the charger goes on
-- with (live.SessionJournal). A row lives from the session's start to its end; nothing else is kept here.
CREATE TABLE running_sessions (
    charger_id      text NOT NULL,
    transaction_id  text NOT NULL,
    evse_id         integer NOT NULL CHECK (evse_id >= 1),
    id_token        text,
    ev_identifier   text,
    PRIMARY KEY (charger_id, transaction_id)
);
