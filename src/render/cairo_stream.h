// The bridge from cairo's stream writers (PNG, PDF) to an AtomicFile.
#pragma once

#include <cairo.h>

#include "render/atomic_file.h"

namespace deckd {

// A cairo_write_func_t; `closure` is the AtomicFile. Exceptions must not
// cross into C, so a failed write becomes CAIRO_STATUS_WRITE_ERROR, which
// cairo keeps and the caller checks.
inline cairo_status_t write_to_atomic_file(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<AtomicFile*>(closure)->write(data, length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace deckd
