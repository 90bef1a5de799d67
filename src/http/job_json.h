// The wire shape of a job (api.md "Job"), field names and casing binding for
// the old client. URLs are relative to the API base, as the old service sent them.
#pragma once

#include <nlohmann/json.hpp>

#include "jobs/job.h"
#include "render/render_pipeline.h"

namespace deckd {

// Names of the outputs the compat routes serve.
inline constexpr const char* kVideoFile = kVideoName;
inline constexpr const char* kThumbnailFile = kThumbnailName;
inline constexpr const char* kFirstSlideFile = "slide-001.png";

// The job as api.md describes it, without "success".
nlohmann::json job_to_json(const Job& job);

}  // namespace deckd
