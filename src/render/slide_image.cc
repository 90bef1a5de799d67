#include "render/slide_image.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "render/asset_ref.h"

namespace deckd {
namespace {

constexpr std::size_t kMaxImageBytes = 20 * 1024 * 1024;
constexpr int kMaxSide = 4096;  // larger images are decoded scaled down

// A JPEG decompression bomb is decoded at a bounded size instead.
void limit_size(GdkPixbufLoader* loader, int width, int height, gpointer) {
  const double scale = std::min(1.0, double(kMaxSide) / std::max(width, height));
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size(loader, std::max(1, int(width * scale)), std::max(1, int(height * scale)));
}

CairoSurface to_surface(GdkPixbuf* pixbuf) {
  const int w = gdk_pixbuf_get_width(pixbuf), h = gdk_pixbuf_get_height(pixbuf);
  const int channels = gdk_pixbuf_get_n_channels(pixbuf), stride = gdk_pixbuf_get_rowstride(pixbuf);
  const guchar* src = gdk_pixbuf_read_pixels(pixbuf);
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  cairo_surface_flush(surface.get());
  unsigned char* dst = cairo_image_surface_get_data(surface.get());
  const int dst_stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const guchar* p = src + y * stride + x * channels;
      const unsigned a = channels == 4 ? p[3] : 255;
      // cairo wants premultiplied alpha, native-endian 0xAARRGGBB.
      reinterpret_cast<uint32_t*>(dst + y * dst_stride)[x] =
          a << 24 | (p[0] * a / 255) << 16 | (p[1] * a / 255) << 8 | (p[2] * a / 255);
    }
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

struct ByteReader {
  const std::string& bytes;
  std::size_t pos = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* out, unsigned int length) {
  auto* r = static_cast<ByteReader*>(closure);
  if (r->bytes.size() - r->pos < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(out, r->bytes.data() + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

// cairo's PNG reader, unlike gdk-pixbuf's, fails on a truncated file.
LoadedImage decode_png(const std::string& bytes) {
  if (bytes.size() < 24) return {nullptr, "is damaged (too short)"};
  auto be32 = [&](std::size_t at) {
    return uint32_t(uint8_t(bytes[at])) << 24 | uint32_t(uint8_t(bytes[at + 1])) << 16 |
           uint32_t(uint8_t(bytes[at + 2])) << 8 | uint8_t(bytes[at + 3]);
  };
  if (be32(16) > uint32_t(kMaxSide) || be32(20) > uint32_t(kMaxSide))
    return {nullptr, "is larger than 4096 pixels on a side"};
  ByteReader reader{bytes};
  CairoSurface surface(cairo_image_surface_create_from_png_stream(read_bytes, &reader));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {nullptr, "is damaged"};
  return {std::move(surface), ""};
}

LoadedImage decode(const std::string& bytes) {
  if (bytes.rfind("\x89PNG", 0) == 0) return decode_png(bytes);
  if (bytes.rfind("\xff\xd8\xff", 0) != 0) return {nullptr, "is not a PNG or JPEG image"};
  std::unique_ptr<GdkPixbufLoader, GObjectDeleter> loader(gdk_pixbuf_loader_new_with_type("jpeg", nullptr));
  if (!loader) return {nullptr, "cannot be decoded here"};
  g_signal_connect(loader.get(), "size-prepared", G_CALLBACK(limit_size), nullptr);
  GError* error = nullptr;
  const bool ok = gdk_pixbuf_loader_write(loader.get(), reinterpret_cast<const guchar*>(bytes.data()),
                                          bytes.size(), &error) &&
                  gdk_pixbuf_loader_close(loader.get(), &error);
  if (!ok) {
    std::string why = error ? error->message : "unknown error";
    if (error) g_error_free(error);
    return {nullptr, "is damaged (" + why + ")"};
  }
  GdkPixbuf* pixbuf = gdk_pixbuf_loader_get_pixbuf(loader.get());  // owned by the loader
  if (!pixbuf) return {nullptr, "is damaged"};
  return {to_surface(pixbuf), ""};
}

LoadedImage from_asset(const std::string& ref, const std::filesystem::path& asset_dir) {
  const AssetFile file = resolve_asset_file(ref, asset_dir);
  if (!file.problem.empty()) return {nullptr, file.problem};
  if (file.bytes > kMaxImageBytes) return {nullptr, "is larger than 20 MB"};
  std::ifstream in(file.path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return decode(ss.str());
}

}  // namespace

LoadedImage load_slide_image(const std::string& ref, const std::filesystem::path& asset_dir) {
  if (is_data_url(ref)) {
    const auto bytes = decode_data_url(ref);
    return bytes ? decode(*bytes) : LoadedImage{nullptr, "is a data: URL that is not base64"};
  }
  return from_asset(ref, asset_dir);
}

void draw_image(cairo_t* cr, cairo_surface_t* image, double x, double y, double w, double h, bool cover) {
  cairo_save(cr);
  cairo_rectangle(cr, x, y, w, h);
  cairo_clip(cr);
  if (!image) {
    cairo_set_source_rgba(cr, 0.5, 0.5, 0.55, 0.25);
    cairo_paint(cr);
    cairo_set_source_rgba(cr, 0.8, 0.8, 0.85, 0.6);
    cairo_set_line_width(cr, std::max(2.0, w / 200));
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + w, y + h);
    cairo_move_to(cr, x + w, y);
    cairo_line_to(cr, x, y + h);
    cairo_stroke(cr);
  } else {
    const double iw = cairo_image_surface_get_width(image), ih = cairo_image_surface_get_height(image);
    const double scale = cover ? std::max(w / iw, h / ih) : std::min(w / iw, h / ih);
    cairo_translate(cr, x + (w - iw * scale) / 2, y + (h - ih * scale) / 2);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
  }
  cairo_restore(cr);
}

}  // namespace deckd
