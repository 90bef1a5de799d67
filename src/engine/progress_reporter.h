// ProgressReporter carries a render's progress callbacks to the store for one
// attempt: it keeps progress from going back, writes at most every
// kMinInterval unless the stage changes, and trips the attempt's cancel token
// as soon as a write is rejected (the lease is gone: cancelled, deleted, or
// taken by another worker). Used by one worker thread.
#pragma once

#include <memory>
#include <string>

#include "jobs/clock.h"
#include "jobs/job_store.h"
#include "render/cancel_token.h"

namespace deckd {

class ProgressReporter {
 public:
  static constexpr UnixMillis kMinIntervalMs = 250;

  ProgressReporter(JobStore& store, const Clock& clock, Lease lease,
                   std::shared_ptr<CancelToken> token)
      : store_(store), clock_(clock), lease_(std::move(lease)), token_(std::move(token)) {}

  void report(double percent, const std::string& stage);
  // Records a finished render checkpoint. Safe to call from render threads.
  void checkpoint(const std::string& name, std::int64_t bytes);

 private:
  JobStore& store_;
  const Clock& clock_;
  const Lease lease_;
  const std::shared_ptr<CancelToken> token_;
  double last_percent_ = 0;
  std::string last_stage_;
  UnixMillis last_write_ms_ = 0;
};

}  // namespace deckd
