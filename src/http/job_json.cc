#include "http/job_json.h"

#include <cmath>

#include "http/iso_time.h"

namespace deckd {
namespace {

using nlohmann::json;

json time_or_null(const std::optional<UnixMillis>& t) {
  return t ? json(format_iso8601(*t)) : json(nullptr);
}

// The URL of a compat file route, once the job is completed and has the file.
json file_url(const Job& job, const char* file, const char* route) {
  if (job.status != JobStatus::kCompleted || !job.find_file(file)) return nullptr;
  return "/presentations/" + job.id + "/" + route;
}

}  // namespace

json job_to_json(const Job& job) {
  json files = json::array();
  for (const auto& f : job.created_files) {
    files.push_back({{"name", f.name},
                     {"url", "/presentations/" + job.id + "/files/" + f.name},
                     {"bytes", f.bytes},
                     {"contentType", f.content_type}});
  }
  return {
      {"jobId", job.id},
      {"status", std::string(to_string(job.status))},
      {"progress", std::round(job.progress * 10) / 10},
      {"stage", job.stage},
      {"error", job.error ? json(*job.error) : json(nullptr)},
      {"videoUrl", file_url(job, kVideoFile, "video")},
      {"thumbnailUrl", file_url(job, kThumbnailFile, "thumbnail")},
      {"slideImageUrl", file_url(job, kFirstSlideFile, "slide-image")},
      {"createdAt", format_iso8601(job.created_at)},
      {"updatedAt", format_iso8601(job.updated_at)},
      {"startedAt", time_or_null(job.started_at)},
      {"completedAt", time_or_null(job.completed_at)},
      {"lastHeartbeat", time_or_null(job.last_heartbeat)},
      {"attempts", job.attempts},
      {"maxAttempts", job.max_attempts},
      {"projectName", job.project_name},
      {"slideCount", job.slide_count},
      {"durationSeconds", job.duration_seconds ? json(*job.duration_seconds) : json(nullptr)},
      {"createdFiles", std::move(files)},
      {"warnings", job.warnings},
  };
}

}  // namespace deckd
