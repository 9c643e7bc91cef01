#define _GNU_SOURCE
#include <link.h>
#include <string.h>
#include "program_info.h"

struct build_id { const unsigned char *bytes; size_t size; };

static size_t aligned4(size_t n) { return (n + 3) & ~(size_t)3; }

/* dl_iterate_phdr reports the program itself first; its note segments hold the build ID. */
static int first_object(struct dl_phdr_info *info, size_t size, void *data) {
    struct build_id *out = data;
    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE) continue;
        const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
        const unsigned char *end = p + ph->p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *note = (const ElfW(Nhdr) *)p;
            const unsigned char *name = p + sizeof(ElfW(Nhdr));
            const unsigned char *desc = name + aligned4(note->n_namesz);
            if (desc + note->n_descsz > end) break;
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                out->bytes = desc;
                out->size = note->n_descsz;
                return 1;
            }
            p = desc + aligned4(note->n_descsz);
        }
    }
    return 1;
}

size_t lotr_program_build_id(const unsigned char **id) {
    struct build_id found = { 0, 0 };
    dl_iterate_phdr(first_object, &found);
    *id = found.bytes;
    return found.size;
}
