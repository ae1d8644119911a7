#ifndef DISCERN_CCLP_SHIM_H
#define DISCERN_CCLP_SHIM_H
// Debian's coinor-libclp-dev (COIN-OR Clp 1.17), through its C interface. pkg-config
// (`clp`) supplies the include path and the libraries, so this module names no link.
// Only the LinearProgram target imports this module.
#include <Clp_C_Interface.h>
#endif
