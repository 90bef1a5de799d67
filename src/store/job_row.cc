#include "store/job_row.h"

#include <nlohmann/json.hpp>

namespace deckd {

const char* const kJobColumns =
    "id, status, progress, stage, error, project_name, slide_count, attempts, "
    "max_attempts, duration_seconds, created_files, warnings, created_at, "
    "updated_at, started_at, completed_at, last_heartbeat, idempotency_key, "
    "lease_owner, lease_until, run_after, checkpoints";
const char* const kJobColumnsWithRequest =
    "id, status, progress, stage, error, project_name, slide_count, attempts, "
    "max_attempts, duration_seconds, created_files, warnings, created_at, "
    "updated_at, started_at, completed_at, last_heartbeat, idempotency_key, "
    "lease_owner, lease_until, run_after, checkpoints, request_json";

namespace {

std::optional<std::string> opt_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}
std::optional<UnixMillis> opt_millis(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

}  // namespace

Job read_job(SQLite::Statement& s, bool with_request) {
  Job j;
  j.id = s.getColumn(0).getString();
  j.status = parse_job_status(s.getColumn(1).getString()).value_or(JobStatus::kFailed);
  j.progress = s.getColumn(2).getDouble();
  j.stage = s.getColumn(3).getString();
  j.error = opt_text(s.getColumn(4));
  j.project_name = s.getColumn(5).getString();
  j.slide_count = s.getColumn(6).getInt();
  j.attempts = s.getColumn(7).getInt();
  j.max_attempts = s.getColumn(8).getInt();
  if (!s.getColumn(9).isNull()) j.duration_seconds = s.getColumn(9).getDouble();
  for (const auto& f : nlohmann::json::parse(s.getColumn(10).getString())) {
    j.created_files.push_back({f.at("name"), f.at("bytes"), f.at("contentType")});
  }
  j.warnings = nlohmann::json::parse(s.getColumn(11).getString()).get<std::vector<std::string>>();
  j.created_at = s.getColumn(12).getInt64();
  j.updated_at = s.getColumn(13).getInt64();
  j.started_at = opt_millis(s.getColumn(14));
  j.completed_at = opt_millis(s.getColumn(15));
  j.last_heartbeat = opt_millis(s.getColumn(16));
  j.idempotency_key = opt_text(s.getColumn(17));
  j.lease_owner = opt_text(s.getColumn(18));
  j.lease_until = opt_millis(s.getColumn(19));
  j.run_after = s.getColumn(20).getInt64();
  j.checkpoints = nlohmann::json::parse(s.getColumn(21).getString()).get<std::map<std::string, std::int64_t>>();
  if (with_request) j.request_json = s.getColumn(22).getString();
  return j;
}

std::string files_to_json(const std::vector<CreatedFile>& files) {
  auto arr = nlohmann::json::array();
  for (const auto& f : files) {
    arr.push_back({{"name", f.name}, {"bytes", f.bytes}, {"contentType", f.content_type}});
  }
  return arr.dump();
}

std::string strings_to_json(const std::vector<std::string>& strings) {
  return nlohmann::json(strings).dump();
}

}  // namespace deckd
