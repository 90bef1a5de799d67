// Timeline decides when each slide is on screen: its narration plus a pause
// (or the requested still duration), in whole video frames, and the fade into
// the next slide, which takes the last frames of the slide it leaves. Pure
// arithmetic, so the video, the audio track and the captions all agree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jobs/presentation.h"

namespace deckd {

inline constexpr int kFps = 30;
inline constexpr double kPauseAfterNarration = 0.6;  // seconds
inline constexpr double kDefaultSlideSeconds = 5.0;

struct SlideTiming {
  int first_frame = 0;
  int frames = 0;       // on screen, including the fade out of it
  int fade_frames = 0;  // last frames of this slide that fade into the next
  double narration_seconds = 0;

  double start_seconds() const { return double(first_frame) / kFps; }
  double seconds() const { return double(frames) / kFps; }
};

struct Timeline {
  std::vector<SlideTiming> slides;
  int total_frames = 0;
  std::vector<std::string> warnings;

  double total_seconds() const { return double(total_frames) / kFps; }
};

// `narration_seconds[i]` is the length of slide i's narration (0 for none).
// REQUIRES: narration_seconds.size() == deck.slides.size().
Timeline plan_timeline(const Presentation& deck, const std::vector<double>& narration_seconds);

}  // namespace deckd
