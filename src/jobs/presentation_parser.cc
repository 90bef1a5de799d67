#include "jobs/presentation_parser.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "jobs/utf8.h"

namespace deckd {
namespace {

using nlohmann::json;

bool absent(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() || it->is_null();
}

std::string join(std::initializer_list<const char*> words) {
  std::string out;
  for (const char* w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

// Reads one request, collecting every error rather than stopping at the first,
// so a client can fix them all in one round trip.
class RequestReader {
 public:
  explicit RequestReader(std::vector<FieldError>& errors) : errors_(errors) {}

  void error(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }

  // A string field: absent/null keeps `out`. Numbers are accepted as text.
  void read_string(const json& obj, const char* key, const std::string& path,
                   std::string& out, std::size_t max_len = kMaxTextLength) {
    if (absent(obj, key)) return;
    const json& v = obj.at(key);
    if (v.is_number()) {
      out = v.dump();
      return;
    }
    if (!v.is_string()) return error(path, "must be a string");
    const auto& s = v.get_ref<const std::string&>();
    if (utf8_length(s) > max_len)
      return error(path, "is too long (" + std::to_string(utf8_length(s)) +
                             " characters); the limit is " + std::to_string(max_len));
    out = s;
  }

  void read_bool(const json& obj, const char* key, const std::string& path, bool& out) {
    if (absent(obj, key)) return;
    const json& v = obj.at(key);
    if (!v.is_boolean()) return error(path, "must be true or false");
    out = v.get<bool>();
  }

  void read_choice(const json& obj, const char* key, const std::string& path,
                   std::string& out, std::initializer_list<const char*> choices) {
    if (absent(obj, key)) return;
    const json& v = obj.at(key);
    if (v.is_string()) {
      for (const char* c : choices) {
        if (v.get_ref<const std::string&>() == c) {
          out = c;
          return;
        }
      }
    }
    error(path, "must be one of: " + join(choices));
  }

  // Every string anywhere inside a slide's props must respect the text limit.
  void check_text_lengths(const json& v, const std::string& path) {
    if (v.is_string()) {
      const auto n = utf8_length(v.get_ref<const std::string&>());
      if (n > kMaxTextLength)
        error(path, "is too long (" + std::to_string(n) + " characters); the limit is " +
                        std::to_string(kMaxTextLength));
    } else if (v.is_object()) {
      for (const auto& [k, child] : v.items()) check_text_lengths(child, path + "." + k);
    } else if (v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i)
        check_text_lengths(v[i], path + "[" + std::to_string(i) + "]");
    }
  }

 private:
  std::vector<FieldError>& errors_;
};

void read_resolution(RequestReader& r, const json& body, Presentation& p) {
  if (absent(body, "resolution")) return;
  const json& v = body.at("resolution");
  if (!v.is_array() || v.size() != 2 || !v[0].is_number_integer() ||
      !v[1].is_number_integer())
    return r.error("resolution", "must be [width, height] in whole pixels, e.g. [1920, 1080]");
  const auto w = v[0].get<long long>(), h = v[1].get<long long>();
  if (w < kMinWidth || h < kMinHeight || w > kMaxWidth || h > kMaxHeight)
    return r.error("resolution", "must be between 320x180 and 3840x2160; got " +
                                     std::to_string(w) + "x" + std::to_string(h));
  p.width = static_cast<int>(w);
  p.height = static_cast<int>(h);
}

void read_duration(RequestReader& r, const json& body, Presentation& p) {
  if (absent(body, "duration")) return;
  const json& v = body.at("duration");
  if (!v.is_number()) return r.error("duration", "must be a number of seconds");
  const double d = v.get<double>();
  if (!std::isfinite(d) || d < 0 || d > kMaxSlideSeconds)
    return r.error("duration", "must be between 0 and 600 seconds");
  p.slide_seconds = d;
}

void read_transitions(RequestReader& r, const json& body, Presentation& p) {
  if (absent(body, "transitions")) return;
  const json& v = body.at("transitions");
  if (!v.is_array()) return r.error("transitions", "must be an array of {type, duration}");
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string path = "transitions[" + std::to_string(i) + "]";
    if (!v[i].is_object()) {
      r.error(path, "must be an object {type, duration}");
      continue;
    }
    Transition t;
    r.read_string(v[i], "type", path + ".type", t.type, 40);
    if (!absent(v[i], "duration")) {
      const json& d = v[i].at("duration");
      if (!d.is_number() || d.get<double>() < 0 || d.get<double>() > 10)
        r.error(path + ".duration", "must be between 0 and 10 seconds");
      else
        t.duration_seconds = d.get<double>();
    }
    p.transitions.push_back(std::move(t));
  }
}

std::vector<std::string> read_voiceover_texts(RequestReader& r, const json& body) {
  std::vector<std::string> texts;
  if (absent(body, "voiceoverTexts")) return texts;
  const json& v = body.at("voiceoverTexts");
  if (!v.is_array()) {
    r.error("voiceoverTexts", "must be an array of strings, one per slide");
    return texts;
  }
  texts.resize(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string path = "voiceoverTexts[" + std::to_string(i) + "]";
    if (v[i].is_null()) continue;
    if (!v[i].is_string()) {
      r.error(path, "must be a string");
      continue;
    }
    r.check_text_lengths(v[i], path);
    texts[i] = v[i].get<std::string>();
  }
  return texts;
}

Slide read_slide(RequestReader& r, const json& s, const std::string& path,
                 const std::string& fallback_narration) {
  Slide slide;
  slide.template_id = "generic";
  r.read_string(s, "templateId", path + ".templateId", slide.template_id, 100);
  r.read_string(s, "slideId", path + ".slideId", slide.slide_id, 200);
  if (!absent(s, "props")) {
    if (!s.at("props").is_object()) {
      r.error(path + ".props", "must be an object of slide properties");
    } else {
      slide.props = s.at("props");
      r.check_text_lengths(slide.props, path + ".props");
    }
  }
  std::string own, from_props;
  r.read_string(s, "voiceoverText", path + ".voiceoverText", own);
  if (slide.props.is_object() && slide.props.contains("voiceoverText") &&
      slide.props["voiceoverText"].is_string())
    from_props = slide.props["voiceoverText"].get<std::string>();
  slide.narration = !own.empty() ? own : !from_props.empty() ? from_props : fallback_narration;
  if (!absent(s, "avatarPosition")) {
    std::string pos;
    r.read_string(s, "avatarPosition", path + ".avatarPosition", pos, 40);
    slide.avatar_position = pos;
  }
  return slide;
}

void read_slides(RequestReader& r, const json& body, Presentation& p) {
  if (absent(body, "slidesData")) {
    if (!absent(body, "slideUrl"))
      return r.error("slideUrl",
                     "capturing slides from a URL is not supported; send the slides "
                     "themselves in slidesData");
    return r.error("slidesData", "is required: send an array of 1 to 50 slides");
  }
  const json& v = body.at("slidesData");
  if (!v.is_array()) return r.error("slidesData", "must be an array of slides");
  if (v.empty()) return r.error("slidesData", "must hold at least one slide");
  if (v.size() > static_cast<std::size_t>(kMaxSlides))
    return r.error("slidesData", "holds " + std::to_string(v.size()) +
                                     " slides; the limit is 50 per presentation");
  const auto texts = read_voiceover_texts(r, body);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string path = "slidesData[" + std::to_string(i) + "]";
    if (!v[i].is_object()) {
      r.error(path, "must be an object {templateId, props, ...}");
      continue;
    }
    p.slides.push_back(read_slide(r, v[i], path, i < texts.size() ? texts[i] : ""));
  }
}

// presenterVideo names a video the way slides.md names images: a base64
// data: URL, or a relative path in the asset dir (checked when rendering).
void read_presenter_video(RequestReader& r, const json& body, Presentation& p) {
  r.read_string(body, "presenterVideo", "presenterVideo", p.presenter_video, 8 * 1024 * 1024);
  const std::string& v = p.presenter_video;
  if (v.empty()) return;
  if (v.rfind("data:", 0) == 0) {
    if (v.rfind("data:video/", 0) != 0 || v.find(";base64,") == std::string::npos)
      r.error("presenterVideo", "must be a base64 data: URL of a video (data:video/mp4;base64,...)");
  } else if (v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0) {
    r.error("presenterVideo", "is a web address; deckd does not fetch it: put the file in the asset directory");
  } else if (v.front() == '/' || v == ".." || v.rfind("../", 0) == 0 || v.find("/../") != std::string::npos ||
             (v.size() >= 3 && v.compare(v.size() - 3, 3, "/..") == 0)) {
    r.error("presenterVideo", "must be a path inside the asset directory (no absolute paths, no ..)");
  }
}

}  // namespace

ParsedPresentation parse_presentation(const json& body) {
  ParsedPresentation out;
  if (!body.is_object()) {
    out.errors.push_back({"body", "must be a JSON object (a PresentationRequest)"});
    return out;
  }
  RequestReader r(out.errors);
  Presentation p;
  read_slides(r, body, p);
  r.read_string(body, "theme", "theme", p.theme, 60);
  r.read_string(body, "projectName", "projectName", p.project_name, kMaxProjectNameLength);
  if (p.project_name.empty()) p.project_name = kDefaultProjectName;
  r.read_string(body, "voiceId", "voiceId", p.voice_id, 100);
  r.read_string(body, "voiceProvider", "voiceProvider", p.voice_provider, 100);
  r.read_string(body, "avatarCode", "avatarCode", p.avatar_code, 200);
  r.read_bool(body, "useAvatarMask", "useAvatarMask", p.use_avatar_mask);
  r.read_choice(body, "layout", "layout", p.layout,
                {"picture_in_picture", "side_by_side", "split_screen"});
  read_presenter_video(r, body, p);
  r.read_choice(body, "quality", "quality", p.quality, {"low", "medium", "high"});
  r.read_bool(body, "slideOnly", "slideOnly", p.slide_only);
  read_resolution(r, body, p);
  read_duration(r, body, p);
  read_transitions(r, body, p);
  if (out.errors.empty()) out.presentation = std::move(p);
  return out;
}

}  // namespace deckd
