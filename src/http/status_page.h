// The status page routes: GET / (web/index.html) and GET /assets/<file> for
// the rest of web/, served from the bytes embedded at build time. A strict
// Content-Security-Policy keeps the page from loading anything deckd does not
// serve itself.
#pragma once

#include "http/router.h"

namespace deckd {

void register_status_page(Router& router);

}  // namespace deckd
