#include "render/presenter_source.h"

#include "render/asset_ref.h"
#include "render/atomic_file.h"
#include "render/child_process.h"

namespace deckd {

PresenterSource locate_presenter_video(const std::string& ref, const std::filesystem::path& asset_dir,
                                       const std::filesystem::path& work_dir, const VideoEncoder& encoder,
                                       const CancelToken& cancel) {
  std::filesystem::path file = work_dir / "presenter-input";
  if (is_data_url(ref)) {
    const auto bytes = decode_data_url(ref);
    if (!bytes) return {std::nullopt, "is a data: URL that is not base64"};
    AtomicFile f(file);
    f.write(bytes->data(), bytes->size());
    f.commit();
  } else {
    const AssetFile asset = resolve_asset_file(ref, asset_dir);
    if (!asset.problem.empty()) return {std::nullopt, asset.problem};
    file = asset.path;
  }
  try {
    encoder.check_video(file, work_dir / "presenter-check.log", cancel);
  } catch (const ProcessError&) {
    return {std::nullopt, "is not a video ffmpeg can play"};
  }
  return {file, ""};
}

}  // namespace deckd
