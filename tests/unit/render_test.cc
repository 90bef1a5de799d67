#include <catch2/catch.hpp>

#include <cairo.h>

#include <set>

#include "jobs/presentation_parser.h"
#include "render/atomic_file.h"
#include "render/render_pipeline.h"
#include "render/slide_content.h"
#include "render/slide_renderer.h"
#include "render/theme.h"
#include "render/cairo_handles.h"
#include "support/slides.h"
#include "support/temp_dir.h"

using namespace deckd;
using deckd::test::slide;
using nlohmann::json;

namespace {

// Fraction of pixels in a rectangle that differ from the background color.
double ink_fraction(const std::filesystem::path& png, int x0, int y0, int x1, int y1, Rgb bg) {
  CairoSurface img(cairo_image_surface_create_from_png(png.c_str()));
  REQUIRE(cairo_surface_status(img.get()) == CAIRO_STATUS_SUCCESS);
  const unsigned char* data = cairo_image_surface_get_data(img.get());
  const int stride = cairo_image_surface_get_stride(img.get());
  int ink = 0, total = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const uint32_t px = *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4);
      const int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
      ++total;
      if (std::abs(r - int(bg.r * 255)) + std::abs(g - int(bg.g * 255)) + std::abs(b - int(bg.b * 255)) > 60) ++ink;
    }
  }
  return double(ink) / total;
}

std::pair<int, int> png_size(const std::filesystem::path& png) {
  CairoSurface img(cairo_image_surface_create_from_png(png.c_str()));
  return {cairo_image_surface_get_width(img.get()), cairo_image_surface_get_height(img.get())};
}

}  // namespace

TEST_CASE("every word of a slide's props reaches its content", "[render]") {
  const Slide s = slide("four-box-grid",
                        {{"title", "Quarter"},
                         {"subtitle", "Review"},
                         {"content", "Intro line\n- first dash\n- second dash"},
                         {"boxes", {{{"heading", "Sales"}, {"text", "up"}}, {{"heading", "Costs"}, {"text", "down"}}}},
                         {"bullets", {"alpha", "beta"}},
                         {"leftTitle", "Left"},
                         {"rightContent", "Right side"}});
  const SlideContent c = extract_content(s);
  std::string all = c.title + " " + c.subtitle;
  for (const auto& item : c.body) all += " " + item.heading + " " + item.text;
  for (const char* word : {"Quarter", "Review", "Intro line", "first dash", "second dash", "Sales", "up",
                           "Costs", "down", "alpha", "beta", "Left", "Right side"}) {
    INFO(word);
    CHECK(all.find(word) != std::string::npos);
  }
  CHECK_FALSE(c.is_title_slide);
}

TEST_CASE("CSS hex colors parse and junk does not", "[render]") {
  auto c = parse_css_hex("#fff");
  REQUIRE(c);
  CHECK(c->r == Approx(1.0));
  auto d = parse_css_hex("#261C4E");
  REQUIRE(d);
  CHECK(d->g == Approx(0x1c / 255.0));
  for (const char* bad : {"", "fff", "#ffff", "#ggg", "#12345", "red"}) CHECK_FALSE(parse_css_hex(bad));
}

TEST_CASE("a slide renders to a PNG of the requested size with its text drawn", "[render]") {
  test::TempDir dir;
  const Theme theme = default_theme();
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{640, 360}}) {
    SlidePainter painter(theme, w, h);
    std::vector<std::string> warnings;
    const auto path = dir / ("s" + std::to_string(w) + ".png");
    render_slide_png(painter, slide("content-slide", {{"title", "Привіт, світ — Ünïcödé"}, {"content", "Body"}}),
                     0, w, h, path, warnings);
    CHECK(png_size(path) == std::pair{w, h});
    CHECK(warnings.empty());
    // The title band has ink; the bottom-right corner is empty background.
    CHECK(ink_fraction(path, w / 16, h / 12, w / 2, h / 5, theme.background) > 0.02);
    CHECK(ink_fraction(path, w * 3 / 4, h * 3 / 4, w - 1, h - 1, theme.background) == 0);
  }
}

TEST_CASE("a bad color falls back to the theme with a warning", "[render]") {
  test::TempDir dir;
  const Theme theme = default_theme();
  SlidePainter painter(theme, 640, 360);
  std::vector<std::string> warnings;
  render_slide_png(painter, slide("content-slide", {{"title", "T"}, {"backgroundColor", "purple-ish"}}), 2, 640,
                   360, dir / "s.png", warnings);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::StartsWith("slide 3: backgroundColor"));
  CHECK(ink_fraction(dir / "s.png", 600, 300, 639, 359, theme.background) == 0);
}

TEST_CASE("text that cannot fit is ellipsized with a warning", "[render]") {
  test::TempDir dir;
  SlidePainter painter(default_theme(), 640, 360);
  std::vector<std::string> warnings;
  std::string huge;
  for (int i = 0; i < 400; ++i) huge += "many words here ";
  render_slide_png(painter, slide("content-slide", {{"title", "T"}, {"content", huge}}), 0, 640, 360,
                   dir / "s.png", warnings);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("shortened"));
}

TEST_CASE("a tripped cancel token stops the pipeline", "[render]") {
  test::TempDir dir;
  Presentation deck;
  deck.slides.push_back(slide("content-slide", {{"title", "x"}}));
  CancelToken token;
  token.cancel();
  RenderContext ctx;
  ctx.out_dir = dir.path();
  CHECK_THROWS_AS(RenderPipeline().run(deck, ctx, token), Cancelled);
  CHECK_FALSE(std::filesystem::exists(dir / "slide-001.png"));
}

TEST_CASE("an uncommitted atomic file leaves nothing behind", "[render]") {
  test::TempDir dir;
  {
    AtomicFile f(dir / "half.bin");
    f.write("abc", 3);
  }
  CHECK(std::filesystem::is_empty(dir.path()));
  {
    AtomicFile f(dir / "whole.bin");
    f.write("abc", 3);
    f.commit();
  }
  CHECK(std::filesystem::file_size(dir / "whole.bin") == 3);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("Cyrillic, accented Latin and CJK render with real glyphs, and missing glyphs are reported", "[render]") {
  test::TempDir dir;
  SlidePainter painter(default_theme(), 640, 360);
  std::vector<std::string> warnings;
  render_slide_png(painter,
                   slide("content-slide", {{"title", "Привіт, світ"}, {"content", "Здравствуйте — café, naïve, Ærø"}}),
                   0, 640, 360, dir / "cyrillic.png", warnings);
  CHECK(warnings.empty());
  render_slide_png(painter, slide("content-slide", {{"title", "你好，世界"}, {"content", "こんにちは カタカナ — 안녕하세요"}}),
                   0, 640, 360, dir / "cjk.png", warnings);
  CHECK(warnings.empty());
  CHECK(ink_fraction(dir / "cjk.png", 40, 30, 320, 80, default_theme().background) > 0.02);
  // U+E000 is a private-use code point: no installed font draws it.
  render_slide_png(painter, slide("content-slide", {{"title", "box \xee\x80\x80 here"}}), 1, 640, 360,
                   dir / "tofu.png", warnings);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::StartsWith("slide 2:") && Catch::Contains("no glyph"));
}

TEST_CASE("alignment and textAlign move the text; showAccent false drops the accent bar", "[render]") {
  test::TempDir dir;
  const Theme theme = default_theme();
  SlidePainter painter(theme, 640, 360);
  std::vector<std::string> warnings;
  render_slide_png(painter, slide("content-slide", {{"title", "Hi"}, {"content", "ok"}, {"alignment", "right"}}), 0,
                   640, 360, dir / "right.png", warnings);
  CHECK(ink_fraction(dir / "right.png", 20, 20, 320, 70, theme.background) == 0);  // left half of the title band
  CHECK(ink_fraction(dir / "right.png", 320, 20, 620, 70, theme.background) > 0.01);
  render_slide_png(painter,
                   slide("hero-title-slide", {{"title", "Hi"}, {"textAlign", "center"}, {"showAccent", false}}), 0,
                   640, 360, dir / "hero.png", warnings);
  CHECK(ink_fraction(dir / "hero.png", 0, 0, 250, 360, theme.background) == 0);
  CHECK(ink_fraction(dir / "hero.png", 250, 100, 390, 200, theme.background) > 0.01);
  CHECK(warnings.empty());
}

TEST_CASE("progress rises through slides, narration, encoding and assembly, never backwards", "[render][progress]") {
  test::TempDir dir;
  json request = {{"resolution", {640, 360}},
                  {"transitions", {{{"type", "fade"}, {"duration", 0.3}}}},
                  {"slidesData", json::array()}};
  for (int i = 0; i < 3; ++i)
    request["slidesData"].push_back({{"templateId", "content-slide"},
                                     {"props", {{"title", "Slide " + std::to_string(i + 1)}}},
                                     {"voiceoverText", "Slide number " + std::to_string(i + 1) + "."}});
  const ParsedPresentation parsed = parse_presentation(request);
  REQUIRE(parsed.presentation);
  std::vector<std::pair<double, std::string>> reports;
  RenderContext ctx;
  ctx.out_dir = dir.path();
  ctx.progress = [&](double p, const std::string& stage) { reports.emplace_back(p, stage); };
  RenderPipeline().run(*parsed.presentation, ctx, CancelToken());

  REQUIRE_FALSE(reports.empty());
  CHECK(reports.back().second == "completed");
  const std::vector<std::string> phases = {"rendering slides", "narrating", "encoding video",
                                           "assembling video", "writing captions", "writing thumbnail",
                                           "completed"};
  auto phase_of = [&](const std::string& stage) {
    for (std::size_t i = 0; i < phases.size(); ++i)
      if (stage.rfind(phases[i], 0) == 0) return static_cast<int>(i);
    FAIL("unexpected stage " << stage);
    return -1;
  };
  double last = 0;
  int latest_phase = 0;
  std::set<int> seen;
  for (const auto& [p, stage] : reports) {
    INFO(stage << " at " << p);
    CHECK(p >= last);
    CHECK(p < 100);
    last = p;
    const int phase = phase_of(stage);
    // Encoding costs most: drawing and speaking are well under half the job.
    if (phase == 2 && !seen.count(2)) CHECK(p < 35);
    seen.insert(phase);
    // Slides and narration interleave per slide; after them nothing goes back.
    if (latest_phase >= 2) CHECK(phase >= latest_phase);
    latest_phase = std::max(latest_phase, phase);
  }
  CHECK(seen.size() == phases.size());
}
