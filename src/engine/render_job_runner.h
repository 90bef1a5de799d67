// RenderJobRunner is the real JobRunner: it parses the job's request and runs
// the render pipeline into the job's own directory, <jobs_dir>/<job id>/,
// within a time limit that grows with the number of slides.
#pragma once

#include <chrono>
#include <filesystem>

#include "engine/job_runner.h"
#include "render/render_pipeline.h"

namespace deckd {

struct RenderJobOptions {
  std::filesystem::path jobs_dir;
  std::filesystem::path asset_dir;
  std::chrono::seconds timeout_base{120};
  std::chrono::seconds timeout_per_slide{60};
  int threads_per_job = 2;
};

class RenderJobRunner final : public JobRunner {
 public:
  explicit RenderJobRunner(RenderJobOptions options) : options_(std::move(options)) {}

  Completion run(const Job& job, const ProgressFn& progress, const CheckpointFn& checkpoint,
                 const CancelToken& cancel) override;

 private:
  const RenderJobOptions options_;
  RenderPipeline pipeline_;
};

}  // namespace deckd
