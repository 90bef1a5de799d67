// RenderPipeline turns a Presentation into files in an output directory. It
// knows nothing of jobs, HTTP or SQL: it reports progress through a callback
// and stops when its CancelToken trips.
//
// Resumable: each stage's outputs are written atomically, and an output that
// already exists in the directory is a checkpoint, so a restarted render
// does only what is missing. Stateless; safe to share across threads.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "jobs/job.h"
#include "jobs/presentation.h"
#include "render/cancel_token.h"

namespace deckd {

// Called with overall progress (0..100, non-decreasing) and a stage text
// such as "rendering slides 3/10".
using ProgressFn = std::function<void(double percent, const std::string& stage)>;

struct RenderOutput {
  std::vector<CreatedFile> files;  // in the output directory, by name
  std::vector<std::string> warnings;
  std::optional<double> duration_seconds;  // of the video, when one is made
  int reused_checkpoints = 0;  // outputs found from an earlier attempt
};

class RenderPipeline {
 public:
  // Renders into `out_dir` (created if missing).
  // Throws Cancelled when `cancel` trips, PermanentError when the content
  // cannot be rendered, and other exceptions for failures worth a retry.
  RenderOutput run(const Presentation& deck, const std::filesystem::path& out_dir,
                   const ProgressFn& progress, const CancelToken& cancel) const;
};

// The file name of slide `index` (0-based): "slide-001.png", ...
std::string slide_png_name(int index);

}  // namespace deckd
