#include "render/presenter_layout.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace deckd {
namespace {

int even(double v) { return std::max(2, static_cast<int>(v) & ~1); }

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string hex(const Rgb& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%02x%02x%02x", int(c.r * 255 + .5), int(c.g * 255 + .5), int(c.b * 255 + .5));
  return buf;
}

std::string size(int w, int h) { return std::to_string(w) + ":" + std::to_string(h); }

// The presenter scaled and cropped to fill w x h exactly, at the output rate.
std::string cover(int w, int h) {
  return "[1:v]scale=" + size(w, h) + ":force_original_aspect_ratio=increase,crop=" + size(w, h) +
         ",setsar=1,fps=30[p]";
}

// An overlay coordinate that changes per slide: nested ifs over time.
std::string per_slide(const std::vector<PresenterSpan>& spans, const std::string& first, const std::string& second,
                      bool (*is_first)(Corner)) {
  std::string expr = is_first(spans.back().corner) ? first : second;
  for (std::size_t i = spans.size() - 1; i-- > 0;)
    expr = "if(lt(t," + num(spans[i].end_seconds) + ")," + (is_first(spans[i].corner) ? first : second) + "," +
           expr + ")";
  return expr;
}

bool on_left(Corner c) { return c == Corner::kTopLeft || c == Corner::kBottomLeft; }
bool on_top(Corner c) { return c == Corner::kTopLeft || c == Corner::kTopRight; }

std::string picture_in_picture(int width, int height, const std::vector<PresenterSpan>& spans) {
  const int margin = even(height * 0.04);
  const std::string m = std::to_string(margin);
  std::string hidden;
  for (const auto& s : spans)
    if (s.corner == Corner::kHidden)
      hidden += (hidden.empty() ? "" : "+") + std::string("between(t,") + num(s.start_seconds) + "," +
                num(s.end_seconds) + ")";
  return "[1:v]scale=" + std::to_string(even(width * 0.24)) + ":-2,setsar=1,fps=30[p];[0:v][p]overlay=x='" +
         per_slide(spans, m, "W-w-" + m, on_left) + "':y='" + per_slide(spans, m, "H-h-" + m, on_top) +
         "':eval=frame:shortest=1" + (hidden.empty() ? "" : ":enable='not(" + hidden + ")'") +
         ",format=yuv420p[v]";
}

// The slide scaled to slide_w (keeping its aspect) at the left, vertically
// centred; the presenter filling the box at presenter_x.
std::string beside(int width, int height, const Rgb& background, int slide_w, int slide_x, int presenter_x,
                   int presenter_w, int presenter_h) {
  const int slide_h = even(double(slide_w) * height / width);
  return "color=c=" + hex(background) + ":s=" + std::to_string(width) + "x" + std::to_string(height) +
         ":r=30[bg];[0:v]scale=" + size(slide_w, slide_h) + "[s];" + cover(presenter_w, presenter_h) +
         ";[bg][s]overlay=x=" + std::to_string(slide_x) + ":y=" + std::to_string((height - slide_h) / 2) +
         ":shortest=1[b];[b][p]overlay=x=" + std::to_string(presenter_x) + ":y=" +
         std::to_string((height - presenter_h) / 2) + ":shortest=1,format=yuv420p[v]";
}

}  // namespace

std::optional<Corner> parse_corner(const std::string& text) {
  std::string t;
  for (char c : text) t += c == '_' || c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "top-left") return Corner::kTopLeft;
  if (t == "top-right") return Corner::kTopRight;
  if (t == "bottom-left" || t == "left") return Corner::kBottomLeft;
  if (t == "bottom-right" || t == "right") return Corner::kBottomRight;
  if (t == "hidden" || t == "none") return Corner::kHidden;
  return std::nullopt;
}

std::vector<PresenterSpan> presenter_spans(const Presentation& deck, const Timeline& timeline,
                                           std::vector<std::string>& warnings) {
  std::vector<PresenterSpan> spans;
  for (std::size_t i = 0; i < deck.slides.size(); ++i) {
    const auto& t = timeline.slides[i];
    const auto& asked = deck.slides[i].avatar_position;
    auto corner = asked ? parse_corner(*asked) : Corner::kBottomRight;
    if (!corner) {
      warnings.push_back("slide " + std::to_string(i + 1) + ": avatarPosition \"" + *asked +
                         "\" is not top-left, top-right, bottom-left, bottom-right or hidden; used bottom-right");
      corner = Corner::kBottomRight;
    }
    spans.push_back({t.start_seconds(), t.start_seconds() + t.seconds(), *corner});
  }
  return spans;
}

std::string presenter_filter(const std::string& layout, int width, int height, const Rgb& background,
                             const std::vector<PresenterSpan>& spans) {
  const int margin = even(width * 0.03);
  if (layout == "side_by_side") {
    const int slide_w = even(width * 0.64);
    const int presenter_x = margin + slide_w + margin;
    return beside(width, height, background, slide_w, margin, presenter_x, even(width - presenter_x - margin),
                  even(double(slide_w) * height / width));
  }
  if (layout == "split_screen") {
    return beside(width, height, background, even(width / 2.0), 0, even(width / 2.0), width - even(width / 2.0),
                  height);
  }
  return picture_in_picture(width, height, spans);
}

}  // namespace deckd
