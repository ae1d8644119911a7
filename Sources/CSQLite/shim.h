#ifndef DISCERN_CSQLITE_SHIM_H
#define DISCERN_CSQLITE_SHIM_H
// Debian's libsqlite3-dev (SQLite 3.40 on Debian 12; sqlite3_error_offset needs 3.38).
// Only the DataSources target imports this module, to run a report's queries for
// `discern refresh`.
#include <sqlite3.h>
#endif
