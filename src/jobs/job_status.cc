#include "jobs/job_status.h"

namespace deckd {

std::string_view to_string(JobStatus status) {
  switch (status) {
    case JobStatus::kQueued: return "queued";
    case JobStatus::kProcessing: return "processing";
    case JobStatus::kCompleted: return "completed";
    case JobStatus::kFailed: return "failed";
    case JobStatus::kCancelled: return "cancelled";
  }
  return "unknown";
}

std::optional<JobStatus> parse_job_status(std::string_view name) {
  for (JobStatus s : kAllJobStatuses) {
    if (to_string(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace deckd
