// RenderPipeline turns a Presentation into files: slide PNGs, a narrated MP4,
// a JPEG thumbnail, a PDF and WebVTT captions. It knows nothing of jobs,
// HTTP or SQL: it reports progress through a callback and stops when its
// CancelToken trips (child processes are killed).
//
// Resumable: every per-slide product (frame, narration, clips) is written
// atomically into <out_dir>/work and reported as a checkpoint; a later run
// reuses each one that exists and, when it was recorded, still has the
// recorded size. Only what is missing is rendered again. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jobs/job.h"
#include "jobs/presentation.h"
#include "render/cancel_token.h"

namespace deckd {

// Called with overall progress (0..100, non-decreasing) and a stage text
// such as "rendering slides 3/10". Calls are serialised.
using ProgressFn = std::function<void(double percent, const std::string& stage)>;
// Called once per checkpoint written: its name in the work dir and size.
using CheckpointFn = std::function<void(const std::string& name, std::int64_t bytes)>;

struct RenderContext {
  std::filesystem::path out_dir;
  std::filesystem::path asset_dir;  // where image props may point; empty: none
  ProgressFn progress = [](double, const std::string&) {};
  CheckpointFn on_checkpoint = [](const std::string&, std::int64_t) {};
  // Checkpoints an earlier attempt recorded, name -> bytes.
  std::map<std::string, std::int64_t> recorded_checkpoints;
  // The render fails with PermanentError once it has run this long, child
  // processes included; zero: no limit.
  std::chrono::seconds time_limit{0};
  int threads = 2;
};

struct RenderOutput {
  std::vector<CreatedFile> files;  // in out_dir, by name
  std::vector<std::string> warnings;
  std::optional<double> duration_seconds;  // of the video, when one is made
  int reused_checkpoints = 0;    // per-slide products found from an earlier attempt
  int rendered_checkpoints = 0;  // per-slide products made by this run
  // Wall milliseconds per phase, in order, for logs and benchmarks.
  std::vector<std::pair<std::string, std::int64_t>> phase_ms;
};

class RenderPipeline {
 public:
  // Throws Cancelled when `cancel` trips, PermanentError when the content
  // cannot be rendered or the deadline passed, and other exceptions for
  // failures worth a retry.
  RenderOutput run(const Presentation& deck, const RenderContext& ctx,
                   const CancelToken& cancel) const;
};

// The file name of slide `index` (0-based): "slide-001.png", ...
std::string slide_png_name(int index);

// Output names.
inline constexpr const char* kVideoName = "video.mp4";
inline constexpr const char* kThumbnailName = "thumbnail.jpg";
inline constexpr const char* kPdfName = "presentation.pdf";
inline constexpr const char* kCaptionsName = "captions.vtt";

}  // namespace deckd
