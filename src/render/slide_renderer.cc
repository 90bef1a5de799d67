#include "render/slide_renderer.h"

#include <stdexcept>

#include "render/atomic_file.h"
#include "render/cairo_stream.h"
#include "render/cairo_handles.h"

namespace deckd {
namespace {

void check(cairo_status_t status, const std::string& what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(what + ": " + cairo_status_to_string(status));
}

}  // namespace

void render_slide_png(const SlidePainter& painter, const Slide& slide, int index, int width,
                      int height, const std::filesystem::path& path,
                      std::vector<std::string>& warnings) {
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  check(cairo_surface_status(surface.get()), "cannot create a slide image");
  {
    CairoContext cr(cairo_create(surface.get()));
    painter.paint(cr.get(), slide, index, warnings);
    check(cairo_status(cr.get()), "cannot draw slide " + std::to_string(index + 1));
  }
  AtomicFile file(path);
  const cairo_status_t written =
      cairo_surface_write_to_png_stream(surface.get(), write_to_atomic_file, &file);
  check(written, "cannot write " + path.string());
  file.commit();
}

void collect_slide_warnings(const SlidePainter& painter, const Slide& slide, int index,
                            std::vector<std::string>& warnings) {
  CairoSurface surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr));
  CairoContext cr(cairo_create(surface.get()));
  painter.paint(cr.get(), slide, index, warnings);
}

}  // namespace deckd
