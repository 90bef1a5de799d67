// JobRunner does the work of one attempt of one job. The engine owns leases,
// retries and bookkeeping; a runner only turns a job into outputs.
#pragma once

#include "jobs/job.h"
#include "jobs/job_store.h"
#include "render/cancel_token.h"
#include "render/render_pipeline.h"

namespace deckd {

class JobRunner {
 public:
  virtual ~JobRunner() = default;

  // Runs `job` (with its request_json and checkpoints) to completion and
  // returns its outputs. Reports progress and finished checkpoints through
  // the callbacks; stops with Cancelled when `cancel` trips. Throws
  // PermanentError when the job can never succeed, and any other exception
  // for a failure worth retrying.
  virtual Completion run(const Job& job, const ProgressFn& progress,
                         const CheckpointFn& checkpoint, const CancelToken& cancel) = 0;
};

}  // namespace deckd
