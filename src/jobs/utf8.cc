#include "jobs/utf8.h"

namespace deckd {

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xc0) != 0x80) ++n;  // count every byte that is not a continuation
  }
  return n;
}

}  // namespace deckd
