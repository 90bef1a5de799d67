// PermanentError marks a failure that no retry can fix: the job's content is
// unusable. The engine fails such a job at once with what() as its error, so
// what() must tell the user what to change. Any other exception is treated as
// transient and retried.
#pragma once

#include <stdexcept>

namespace deckd {

class PermanentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace deckd
