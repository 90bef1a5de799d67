// The mapping between a row of the jobs table and a Job.
#pragma once

#include <string>
#include <vector>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "jobs/job.h"

namespace deckd {

// The columns read_job() expects, in order, for SELECT and RETURNING.
// request_json is left out: it can be megabytes and only a worker needs it.
extern const char* const kJobColumns;
// kJobColumns followed by request_json.
extern const char* const kJobColumnsWithRequest;

// Reads the current row of `stmt`, selected with kJobColumns (or
// kJobColumnsWithRequest when `with_request`).
Job read_job(SQLite::Statement& stmt, bool with_request = false);

std::string files_to_json(const std::vector<CreatedFile>& files);
std::string strings_to_json(const std::vector<std::string>& strings);

}  // namespace deckd
