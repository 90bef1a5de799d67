#include <catch2/catch.hpp>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <fstream>

#include "render/slide_image.h"
#include "render/slide_renderer.h"
#include "render/theme.h"
#include "support/temp_dir.h"

using namespace deckd;

namespace {

// A solid red w x h image encoded as `type` ("png" or "jpeg").
std::string red_image(const char* type, int w = 64, int h = 48) {
  GdkPixbuf* pb = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  gdk_pixbuf_fill(pb, 0xff0000ff);
  gchar* buf = nullptr;
  gsize size = 0;
  REQUIRE(gdk_pixbuf_save_to_buffer(pb, &buf, &size, type, nullptr, nullptr));
  std::string bytes(buf, size);
  g_free(buf);
  g_object_unref(pb);
  return bytes;
}

std::string data_url(const std::string& mime, const std::string& bytes) {
  gchar* b64 = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string url = "data:" + mime + ";base64," + b64;
  g_free(b64);
  return url;
}

// The pixel at (x, y) of a PNG file as 0xRRGGBB.
uint32_t pixel(const std::filesystem::path& png, int x, int y) {
  CairoSurface img(cairo_image_surface_create_from_png(png.c_str()));
  const unsigned char* data = cairo_image_surface_get_data(img.get());
  return *reinterpret_cast<const uint32_t*>(data + y * cairo_image_surface_get_stride(img.get()) + x * 4) & 0xffffff;
}

std::vector<std::string> render(const test::TempDir& dir, const nlohmann::json& props,
                                const std::string& template_id = "big-image-left") {
  Slide slide;
  slide.template_id = template_id;
  slide.props = props;
  std::vector<std::string> warnings;
  SlidePainter painter(default_theme(), 640, 360, dir / "assets");
  render_slide_png(painter, slide, 0, 640, 360, dir / "out.png", warnings);
  return warnings;
}

}  // namespace

TEST_CASE("a data: URL image fills the template's picture slot", "[render][image]") {
  test::TempDir dir;
  for (const char* type : {"png", "jpeg"}) {
    const auto warnings = render(dir, {{"title", "T"}, {"imageUrl", data_url(std::string("image/") + type, red_image(type))}});
    CHECK(warnings.empty());
    const uint32_t p = pixel(dir / "out.png", 100, 180);  // inside the left 45%
    CHECK((p >> 16) > 0xe0);
    CHECK(((p >> 8) & 0xff) < 0x30);
  }
}

TEST_CASE("an image from the asset dir is used; paths outside it are refused", "[render][image]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "assets" / "logos");
  std::ofstream(dir / "assets" / "logos" / "red.jpg", std::ios::binary) << red_image("jpeg");
  std::ofstream(dir / "secret.png", std::ios::binary) << red_image("png");
  CHECK(render(dir, {{"imagePath", "logos/red.jpg"}}).empty());
  CHECK((pixel(dir / "out.png", 100, 180) >> 16) > 0xe0);

  for (const std::string& ref : std::vector<std::string>{"../secret.png", (dir / "secret.png").string(), "logos/../../secret.png",
                                "https://example.com/x.png", "missing.png"}) {
    INFO(ref);
    const auto warnings = render(dir, {{"imageUrl", ref}});
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("placeholder"));
    CHECK((pixel(dir / "out.png", 100, 180) >> 16) < 0xe0);  // not the red image
  }
}

TEST_CASE("a corrupt image is a warning and a placeholder, never a crash", "[render][image]") {
  test::TempDir dir;
  std::string png = red_image("png");
  png.resize(png.size() / 2);  // truncated
  const std::string jpeg = red_image("jpeg").substr(0, 40);  // a header and nothing else
  for (const std::string& url : {data_url("image/png", png), data_url("image/jpeg", jpeg),
                                 data_url("image/png", "GIF89a not allowed"), std::string("data:image/png,notbase64"),
                                 std::string("data:;base64,@@@@")}) {
    INFO(url.substr(0, 40));
    const auto warnings = render(dir, {{"title", "T"}, {"backgroundImage", url}, {"imageUrl", url}}, "title-slide");
    CHECK_FALSE(warnings.empty());
    for (const auto& w : warnings) CHECK_THAT(w, Catch::StartsWith("slide 1: "));
  }
}

TEST_CASE("two-column draws each column's picture under its text", "[render][image]") {
  test::TempDir dir;
  const std::string red = data_url("image/png", red_image("png", 200, 200));
  auto warnings = render(dir, {{"title", "T"}, {"leftContent", "left"}, {"rightImageUrl", red}}, "two-column");
  CHECK(warnings.empty());
  const uint32_t right = pixel(dir / "out.png", 480, 300), left = pixel(dir / "out.png", 160, 300);
  CHECK((right >> 16) > 0xe0);
  CHECK(((right >> 8) & 0xff) < 0x30);
  CHECK(left == pixel(dir / "out.png", 630, 5));  // background: no picture on the left

  warnings = render(dir, {{"title", "T"}, {"leftImageUrl", "data:image/png;base64,AAAA"}}, "two-column");
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("leftImageUrl"));
}

TEST_CASE("avatarPath is a round inset in the avatarPosition corner", "[render][image]") {
  test::TempDir dir;
  const std::string red = data_url("image/png", red_image("png", 100, 100));
  Slide s;
  s.template_id = "content-slide";
  s.props = {{"title", "T"}, {"avatarPath", red}};
  s.avatar_position = "top-left";
  std::vector<std::string> warnings;
  SlidePainter painter(default_theme(), 640, 360);
  render_slide_png(painter, s, 0, 640, 360, dir / "out.png", warnings);
  CHECK(warnings.empty());
  CHECK((pixel(dir / "out.png", 61, 61) >> 16) > 0xe0);  // the inset's centre
  CHECK((pixel(dir / "out.png", 16, 16) >> 16) < 0x80);  // outside the circle
  CHECK((pixel(dir / "out.png", 578, 298) >> 16) < 0x80);  // not bottom-right
}
