// RenderJobRunner is the real JobRunner: it parses the job's request and runs
// the render pipeline into the job's own directory, <jobs_dir>/<job id>/.
#pragma once

#include <filesystem>

#include "engine/job_runner.h"
#include "render/render_pipeline.h"

namespace deckd {

class RenderJobRunner final : public JobRunner {
 public:
  explicit RenderJobRunner(std::filesystem::path jobs_dir) : jobs_dir_(std::move(jobs_dir)) {}

  Completion run(const Job& job, const ProgressFn& progress, const CancelToken& cancel) override;

 private:
  const std::filesystem::path jobs_dir_;
  RenderPipeline pipeline_;
};

}  // namespace deckd
