// Where a request's presenterVideo comes from: a base64 data: URL (written to
// the job's work dir) or a file in the asset dir (used in place), checked by
// decoding a frame, so an unplayable file is found before the render needs it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "render/cancel_token.h"
#include "render/video_encoder.h"

namespace deckd {

struct PresenterSource {
  std::optional<std::filesystem::path> file;  // set iff usable
  std::string problem;  // why not, phrased to follow "presenterVideo "
};

// REQUIRES: `ref` is non-empty. Throws Cancelled, and std::system_error when
// the work dir can't be written.
PresenterSource locate_presenter_video(const std::string& ref, const std::filesystem::path& asset_dir,
                                       const std::filesystem::path& work_dir, const VideoEncoder& encoder,
                                       const CancelToken& cancel);

}  // namespace deckd
