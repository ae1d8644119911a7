#ifndef DISCERN_CCMARK_SHIM_H
#define DISCERN_CCMARK_SHIM_H
// Debian's libcmark-dev (cmark 0.30). Only the Markdown target imports this module.
#include <cmark.h>
#endif
