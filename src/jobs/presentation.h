// Presentation is a validated request: what to render, in the domain's terms.
// It is built only by parse_presentation(), so every value in it is in range.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace deckd {

struct Transition {
  std::string type;  // "fade", "none", ...
  double duration_seconds = 0.5;
};

struct Slide {
  std::string template_id;  // any string; unknown ones get the generic layout
  std::string slide_id;
  nlohmann::json props = nlohmann::json::object();  // always an object
  // What is spoken for this slide, after slides.md precedence
  // (slide.voiceoverText, props.voiceoverText, voiceoverTexts[i]); may be empty.
  std::string narration;
  std::optional<std::string> avatar_position;
};

struct Presentation {
  std::vector<Slide> slides;  // 1..kMaxSlides
  std::string theme = "dark-purple";
  std::string project_name;
  std::string voice_id = "en-us";
  std::string voice_provider;
  std::string avatar_code;
  bool use_avatar_mask = false;
  std::string layout = "picture_in_picture";
  std::string presenter_video;  // asset ref (data: URL or asset-dir path); empty: none
  std::optional<double> slide_seconds;  // `duration`: for slides without narration
  std::string quality = "medium";
  int width = 1920;
  int height = 1080;
  std::vector<Transition> transitions;
  bool slide_only = false;
};

inline constexpr int kMaxSlides = 50;
inline constexpr std::size_t kMaxTextLength = 5000;  // code points
inline constexpr std::size_t kMaxProjectNameLength = 200;
inline constexpr int kMinWidth = 320, kMinHeight = 180;
inline constexpr int kMaxWidth = 3840, kMaxHeight = 2160;
inline constexpr double kMaxSlideSeconds = 600;
inline constexpr const char* kDefaultProjectName = "Untitled presentation";

}  // namespace deckd
