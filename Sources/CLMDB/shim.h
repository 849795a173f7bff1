#ifndef GREFFE_CLMDB_SHIM_H
#define GREFFE_CLMDB_SHIM_H
#include <lmdb.h>
#endif
