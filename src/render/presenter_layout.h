// PresenterLayout places a presenter video on the slides video: the ffmpeg
// filter graph that takes the slides as [0:v] and the (looped) presenter as
// [1:v] and yields the finished frames as [v]. The layouts are api.md's:
//   picture_in_picture  the presenter in a corner of the full-frame slide;
//                       the corner follows each slide's avatarPosition
//   side_by_side        the slide at two thirds of the frame, the presenter
//                       beside it at the same height
//   split_screen        slide and presenter each fill one half
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jobs/presentation.h"
#include "render/color.h"
#include "render/timeline.h"

namespace deckd {

// Where a picture-in-picture presenter sits during one slide.
enum class Corner { kTopLeft, kTopRight, kBottomLeft, kBottomRight, kHidden };

// Parses an avatarPosition: "top-left", "bottom_right", "Top Right", "left"
// (bottom-left), "right", "hidden"/"none". nullopt for anything else.
std::optional<Corner> parse_corner(const std::string& text);

// A slide's time on screen and its corner.
struct PresenterSpan {
  double start_seconds, end_seconds;
  Corner corner;
};

// Each slide's span on `timeline` with the corner its avatarPosition names
// (bottom-right when absent; when unknown too, with a warning).
std::vector<PresenterSpan> presenter_spans(const Presentation& deck, const Timeline& timeline,
                                           std::vector<std::string>& warnings);

// REQUIRES: width and height even, spans in time order and non-empty.
std::string presenter_filter(const std::string& layout, int width, int height, const Rgb& background,
                             const std::vector<PresenterSpan>& spans);

}  // namespace deckd
