#ifndef DISCERN_CXXHASH_SHIM_H
#define DISCERN_CXXHASH_SHIM_H
// Debian's libxxhash-dev (xxHash 0.8). Only the Site target imports this module, for the
// content hashes of the site manifest.
#include <xxhash.h>
#endif
