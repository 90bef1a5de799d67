#include "render/pdf_writer.h"

#include <cairo-pdf.h>

#include <stdexcept>

#include "render/atomic_file.h"
#include "render/cairo_stream.h"
#include "render/cairo_handles.h"

namespace deckd {
namespace {

// Pixels to PDF points at 96 dpi: a 1920x1080 slide is a 1440x810 pt page.
constexpr double kPointsPerPixel = 72.0 / 96.0;

}  // namespace

void write_deck_pdf(const Presentation& deck, const SlidePainter& painter,
                    const std::filesystem::path& path, const CancelToken& cancel) {
  AtomicFile file(path);
  {
    CairoSurface surface(cairo_pdf_surface_create_for_stream(
        write_to_atomic_file, &file, deck.width * kPointsPerPixel, deck.height * kPointsPerPixel));
    CairoContext cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), kPointsPerPixel, kPointsPerPixel);
    std::vector<std::string> ignored;  // the PNGs already reported these
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
      cancel.throw_if_cancelled();
      cairo_save(cr.get());
      painter.paint(cr.get(), deck.slides[i], static_cast<int>(i), ignored);
      cairo_restore(cr.get());
      cairo_show_page(cr.get());
    }
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("cannot draw the PDF: ") + cairo_status_to_string(cairo_status(cr.get())));
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("cannot write the PDF: ") +
                               cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  file.commit();
}

}  // namespace deckd
