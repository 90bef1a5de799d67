// The schema of deckd.db as an append-only list of migrations. Migration i
// takes user_version from i to i+1 inside one transaction, so a crash leaves
// the database at a whole version. Never edit a released migration; append.
#pragma once

#include <stdexcept>

#include <SQLiteCpp/Database.h>

namespace deckd {

// Thrown when the database was written by a newer deckd: it is refused, and
// nothing in it is changed.
class SchemaTooNewError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The schema version this build writes.
int latest_schema_version();

// Brings `db` up to latest_schema_version().
// Throws SchemaTooNewError if the database is newer than this build.
void migrate(SQLite::Database& db);

}  // namespace deckd
