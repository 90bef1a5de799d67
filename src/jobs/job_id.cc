#include "jobs/job_id.h"

#include <array>

namespace deckd {

JobIdGenerator::JobIdGenerator() : random_(std::random_device{}()) {}

std::string JobIdGenerator::next(UnixMillis now) {
  std::array<std::uint8_t, 16> b{};
  {
    std::lock_guard lock(mu_);
    // Keep ids increasing even when the wall clock steps back or several ids
    // share one millisecond: reuse the last millisecond and bump rand_a.
    if (now <= last_ms_) {
      now = last_ms_;
      if (++last_seq_ > 0x0fff) {
        ++now;
        last_seq_ = 0;
      }
    } else {
      last_seq_ = static_cast<std::uint16_t>(random_() & 0x03ff);
    }
    last_ms_ = now;
    for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(now >> (40 - 8 * i));
    b[6] = static_cast<std::uint8_t>(0x70 | (last_seq_ >> 8));
    b[7] = static_cast<std::uint8_t>(last_seq_ & 0xff);
    std::uint64_t r = random_();
    for (int i = 8; i < 16; ++i) b[i] = static_cast<std::uint8_t>(r >> (8 * (i - 8)));
  }
  b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3f));  // RFC 9562 variant

  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0xf]);
  }
  return out;
}

bool looks_like_job_id(const std::string& id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool dash_slot = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_slot ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
      return false;
  }
  return true;
}

}  // namespace deckd
