// Job is one presentation-rendering request and everything known about it.
// It is a plain value: the store hands out copies, never references.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobs/job_status.h"

namespace deckd {

// Milliseconds since the Unix epoch, UTC. Every timestamp in the domain.
using UnixMillis = std::int64_t;

// One output file of a job, stored under the job's directory by `name`.
struct CreatedFile {
  std::string name;          // a plain file name, never a path
  std::int64_t bytes = 0;
  std::string content_type;  // e.g. "image/png"

  bool operator==(const CreatedFile&) const = default;
};

struct Job {
  std::string id;  // UUIDv7: URL-safe and sorts by creation time
  JobStatus status = JobStatus::kQueued;
  double progress = 0;  // 0..100, never decreases within one attempt
  std::string stage;
  std::optional<std::string> error;  // set iff status is failed
  std::string project_name;
  int slide_count = 0;
  int attempts = 0;  // claims so far, including the running one
  int max_attempts = 3;
  std::optional<double> duration_seconds;
  std::vector<CreatedFile> created_files;
  std::vector<std::string> warnings;
  // Render checkpoints an attempt finished: file name -> bytes. Lets the
  // next attempt reuse them after a crash.
  std::map<std::string, std::int64_t> checkpoints;

  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
  std::optional<UnixMillis> started_at;  // first claim
  std::optional<UnixMillis> completed_at;
  std::optional<UnixMillis> last_heartbeat;

  // The validated request body, as JSON text. Immutable after creation.
  std::string request_json;
  std::optional<std::string> idempotency_key;

  // Lease: set iff status is processing.
  std::optional<std::string> lease_owner;
  std::optional<UnixMillis> lease_until;
  // A queued job is not claimed before this time (retry backoff).
  UnixMillis run_after = 0;

  // Returns the created file with this name, or nullptr.
  const CreatedFile* find_file(const std::string& name) const {
    for (const auto& f : created_files) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }
};

}  // namespace deckd
