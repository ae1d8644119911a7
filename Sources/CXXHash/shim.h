#ifndef DISCERN_CXXHASH_SHIM_H
#define DISCERN_CXXHASH_SHIM_H
// Debian's libxxhash-dev (xxHash 0.8). The Site target imports this module for the
// content hashes of the site manifest, and ContentLoading for the hash of a query's text
// that a snapshot's record keeps.
#include <xxhash.h>
#endif
