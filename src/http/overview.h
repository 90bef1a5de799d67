// The status page's overview (GET /api/stats): what deckd is doing at a
// glance, in one cheap request.
#pragma once

#include <nlohmann/json.hpp>

#include "jobs/job_store.h"

namespace deckd {

struct WorkerLoad {
  int busy = 0;
  int total = 0;
};

// {counts: {status: n}, queueDepth, workers: {busy, idle, total},
//  databaseBytes, jobsPerMinute (finished, averaged over 10 minutes),
//  lastHour: [{minute, created, completed, failed}] x 60, oldest first}
nlohmann::json overview_json(JobStore& store, WorkerLoad workers, UnixMillis now);

}  // namespace deckd
