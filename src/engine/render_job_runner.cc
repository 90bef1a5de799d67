#include "engine/render_job_runner.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "jobs/permanent_error.h"
#include "jobs/presentation_parser.h"

namespace deckd {

Completion RenderJobRunner::run(const Job& job, const ProgressFn& progress,
                                const CheckpointFn& checkpoint, const CancelToken& cancel) {
  const auto body = nlohmann::json::parse(job.request_json, nullptr, /*allow_exceptions=*/false);
  ParsedPresentation parsed = parse_presentation(body);
  if (!parsed.presentation) {
    const std::string first = parsed.errors.empty() ? "request is not valid JSON"
                                                    : parsed.errors[0].field + " " +
                                                          parsed.errors[0].message;
    throw PermanentError("the stored request is no longer valid: " + first);
  }
  RenderContext ctx;
  ctx.out_dir = options_.jobs_dir / job.id;
  ctx.asset_dir = options_.asset_dir;
  ctx.progress = progress;
  ctx.on_checkpoint = checkpoint;
  ctx.recorded_checkpoints = job.checkpoints;
  ctx.threads = options_.threads_per_job;
  const auto slides = static_cast<int>(parsed.presentation->slides.size());
  ctx.time_limit = options_.timeout_base + slides * options_.timeout_per_slide;
  RenderOutput out;
  try {
    out = pipeline_.run(*parsed.presentation, ctx, cancel);
  } catch (const PermanentError&) {
    std::error_code ec;
    std::filesystem::remove_all(ctx.out_dir / "work", ec);  // no attempt will resume it
    throw;
  }
  std::string phases;
  for (const auto& [phase, ms] : out.phase_ms) phases += " " + phase + "_ms=" + std::to_string(ms);
  spdlog::info("render.finished job={}{}", job.id, phases);
  if (out.reused_checkpoints > 0)
    spdlog::info("render.resumed job={} reused={} rendered={}", job.id, out.reused_checkpoints,
                 out.rendered_checkpoints);
  return Completion{std::move(out.files), std::move(out.warnings), out.duration_seconds};
}

}  // namespace deckd
