#include "render/timeline.h"

#include <algorithm>
#include <cmath>

namespace deckd {
namespace {

// The transition between slide i and i+1: transitions[i], or the only one
// given for every gap. Returns its length in seconds (0 for a cut).
double fade_seconds(const Presentation& deck, std::size_t gap, std::vector<std::string>& warnings) {
  if (deck.transitions.empty()) return 0;
  const Transition& t = deck.transitions.size() == 1 ? deck.transitions[0]
                        : gap < deck.transitions.size() ? deck.transitions[gap]
                                                        : deck.transitions.back();
  if (t.type == "none" || t.type == "cut" || t.type.empty()) return 0;
  if (t.type != "fade" && t.type != "crossfade" && t.type != "dissolve") {
    const std::string w = "transition \"" + t.type + "\" is not supported; used fade";
    if (std::find(warnings.begin(), warnings.end(), w) == warnings.end()) warnings.push_back(w);
  }
  return t.duration_seconds;
}

}  // namespace

Timeline plan_timeline(const Presentation& deck, const std::vector<double>& narration_seconds) {
  Timeline t;
  const double still = deck.slide_seconds.value_or(kDefaultSlideSeconds);
  for (std::size_t i = 0; i < deck.slides.size(); ++i) {
    SlideTiming s;
    s.narration_seconds = narration_seconds[i];
    const double seconds = s.narration_seconds > 0 ? s.narration_seconds + kPauseAfterNarration
                                                   : std::max(still, 1.0 / kFps);
    s.first_frame = t.total_frames;
    s.frames = std::max(1, static_cast<int>(std::lround(seconds * kFps)));
    t.total_frames += s.frames;
    t.slides.push_back(s);
  }
  for (std::size_t i = 0; i + 1 < t.slides.size(); ++i) {
    const int wanted = static_cast<int>(std::lround(fade_seconds(deck, i, t.warnings) * kFps));
    // The fade must not eat into the narration of the slide it leaves.
    const int spare = t.slides[i].frames -
                      static_cast<int>(std::ceil(t.slides[i].narration_seconds * kFps));
    t.slides[i].fade_frames = std::clamp(std::min(wanted, spare), 0, t.slides[i].frames / 2);
  }
  return t;
}

}  // namespace deckd
