/* The style file: the bytes are a style parsed from memory
 * (imprint_style_parse(), which imprint_style_load() calls on the file's
 * text), with the project's fonts. */
#include "fuzz.h"

#include "imprint/style.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    imprint_diags *diags = imprint_diags_new();
    imprint_style *st = imprint_style_parse(imprint_data_dir(), "fuzz", "styles/fuzz.yaml",
                                            (const char *)data, size, diags);
    fuzz_check_result(st != NULL, diags);
    imprint_style_free(st);
    imprint_diags_free(diags);
    return 0;
}
