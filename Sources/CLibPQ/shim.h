#ifndef DISCERN_CLIBPQ_SHIM_H
#define DISCERN_CLIBPQ_SHIM_H
// Debian's libpq-dev (PostgreSQL 15's client library; pkg-config finds its headers under
// /usr/include/postgresql). Only the DataSources target imports this module, to run a
// report's queries on a server that speaks PostgreSQL's protocol.
#include <libpq-fe.h>

// Swift cannot import character-literal macros, so the error fields DataSources reads are
// named again as constants.
static const int discern_pg_diag_message_primary = PG_DIAG_MESSAGE_PRIMARY;
static const int discern_pg_diag_message_hint = PG_DIAG_MESSAGE_HINT;
static const int discern_pg_diag_statement_position = PG_DIAG_STATEMENT_POSITION;
#endif
