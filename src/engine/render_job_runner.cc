#include "engine/render_job_runner.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "jobs/permanent_error.h"
#include "jobs/presentation_parser.h"

namespace deckd {

Completion RenderJobRunner::run(const Job& job, const ProgressFn& progress,
                                const CancelToken& cancel) {
  const auto body = nlohmann::json::parse(job.request_json, nullptr, /*allow_exceptions=*/false);
  ParsedPresentation parsed = parse_presentation(body);
  if (!parsed.presentation) {
    const std::string first = parsed.errors.empty() ? "request is not valid JSON"
                                                    : parsed.errors[0].field + " " +
                                                          parsed.errors[0].message;
    throw PermanentError("the stored request is no longer valid: " + first);
  }
  RenderOutput out = pipeline_.run(*parsed.presentation, jobs_dir_ / job.id, progress, cancel);
  if (out.reused_checkpoints > 0)
    spdlog::info("render.resumed job={} reused={}", job.id, out.reused_checkpoints);
  return Completion{std::move(out.files), std::move(out.warnings), out.duration_seconds};
}

}  // namespace deckd
