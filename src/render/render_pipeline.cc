#include "render/render_pipeline.h"

#include <cstdio>

#include "render/slide_renderer.h"
#include "render/theme.h"

namespace deckd {
namespace {

Theme pick_theme(const std::string& name, std::vector<std::string>& warnings) {
  if (auto t = find_theme(name)) return *t;
  std::string known;
  for (const auto& n : theme_names()) known += (known.empty() ? "" : ", ") + n;
  warnings.push_back("theme \"" + name + "\" is unknown (known: " + known +
                     "); used dark-purple");
  return default_theme();
}

// A crash can leave AtomicFile temporaries behind; nothing points at them.
void remove_stale_temporaries(const std::filesystem::path& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos)
      std::filesystem::remove(entry.path());
  }
}

}  // namespace

std::string slide_png_name(int index) {
  char name[32];
  std::snprintf(name, sizeof name, "slide-%03d.png", index + 1);
  return name;
}

RenderOutput RenderPipeline::run(const Presentation& deck, const std::filesystem::path& out_dir,
                                 const ProgressFn& progress, const CancelToken& cancel) const {
  RenderOutput out;
  std::filesystem::create_directories(out_dir);
  remove_stale_temporaries(out_dir);
  const SlidePainter painter(pick_theme(deck.theme, out.warnings), deck.width, deck.height);
  const int n = static_cast<int>(deck.slides.size());
  for (int i = 0; i < n; ++i) {
    cancel.throw_if_cancelled();
    progress(100.0 * i / n, "rendering slides " + std::to_string(i + 1) + "/" + std::to_string(n));
    const auto path = out_dir / slide_png_name(i);
    if (std::filesystem::exists(path)) {
      ++out.reused_checkpoints;
      collect_slide_warnings(painter, deck.slides[i], i, out.warnings);
    } else {
      render_slide_png(painter, deck.slides[i], i, deck.width, deck.height, path, out.warnings);
    }
    out.files.push_back({slide_png_name(i),
                         static_cast<std::int64_t>(std::filesystem::file_size(path)),
                         "image/png"});
  }
  progress(100.0, "finishing");
  return out;
}

}  // namespace deckd
