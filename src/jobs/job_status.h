// JobStatus is the lifecycle of a job, and the one table of which changes
// between statuses are legal. Every store update is guarded by the from-states
// this table allows, so the table is the single source of truth.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace deckd {

enum class JobStatus { kQueued, kProcessing, kCompleted, kFailed, kCancelled };

inline constexpr std::array<JobStatus, 5> kAllJobStatuses = {
    JobStatus::kQueued, JobStatus::kProcessing, JobStatus::kCompleted,
    JobStatus::kFailed, JobStatus::kCancelled};

// The wire and database spelling: "queued", "processing", ...
std::string_view to_string(JobStatus status);

// Returns nullopt for anything that is not a status name.
std::optional<JobStatus> parse_job_status(std::string_view name);

// True iff a job may move from `from` to `to`:
//   queued     -> processing (claim), cancelled (cancel)
//   processing -> completed, failed, cancelled, queued (retry later, release,
//                 lease expired)
//   failed     -> queued (retry)
//   cancelled  -> queued (retry)
//   completed  -> nothing: a finished job is immutable until deleted.
constexpr bool can_transition(JobStatus from, JobStatus to) {
  using S = JobStatus;
  switch (from) {
    case S::kQueued:
      return to == S::kProcessing || to == S::kCancelled;
    case S::kProcessing:
      return to == S::kCompleted || to == S::kFailed || to == S::kCancelled ||
             to == S::kQueued;
    case S::kFailed:
    case S::kCancelled:
      return to == S::kQueued;
    case S::kCompleted:
      return false;
  }
  return false;
}

// True for the statuses a job can rest in without a worker.
constexpr bool is_finished(JobStatus s) {
  return s == JobStatus::kCompleted || s == JobStatus::kFailed ||
         s == JobStatus::kCancelled;
}

}  // namespace deckd
