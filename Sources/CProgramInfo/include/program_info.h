#ifndef LOTR_PROGRAM_INFO_H
#define LOTR_PROGRAM_INFO_H
#include <stddef.h>

/// The running program's GNU build ID (the NT_GNU_BUILD_ID note the linker writes): sets `*id`
/// to its bytes and returns their number, or returns 0 when the program has none.
size_t lotr_program_build_id(const unsigned char **id);

#endif
