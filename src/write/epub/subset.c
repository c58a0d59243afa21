#include "write/epub/epub.h"

#include <hb-subset.h>

GBytes *imprint_font_subset(const char *path, const hb_set_t *unicodes, imprint_diags *diags)
{
    imprint_pos pos = {path, 0, 0};
    GBytes *result = NULL;
    hb_face_t *face = NULL, *sub = NULL;
    hb_subset_input_t *input = NULL;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "cannot read font file %s", path);
        goto cleanup;
    }
    face = hb_face_create(blob, 0);
    if (hb_face_get_glyph_count(face) == 0) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "%s is not an OpenType font", path);
        goto cleanup;
    }
    input = hb_subset_input_create_or_fail();
    if (!input) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "cannot subset %s: out of memory",
                             path);
        goto cleanup;
    }
    hb_set_union(hb_subset_input_unicode_set(input), unicodes);
    /* Hinting is for screens at small pixel sizes that e-readers handle
     * themselves; dropping it halves the files. */
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    sub = hb_subset_or_fail(face, input);
    if (!sub) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "cannot subset font %s", path);
        goto cleanup;
    }
    hb_blob_t *out = hb_face_reference_blob(sub);
    unsigned len = 0;
    const char *data = hb_blob_get_data(out, &len);
    if (len > 0)
        result = g_bytes_new(data, len);
    else
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "subsetting %s gave an empty font",
                             path);
    hb_blob_destroy(out);

cleanup:
    hb_face_destroy(sub);
    hb_subset_input_destroy(input);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return result;
}

GArray *imprint_font_missing(const char *path, const hb_set_t *wanted)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob)
        return NULL;
    hb_face_t *face = hb_face_create(blob, 0);
    GArray *missing = NULL;
    if (hb_face_get_glyph_count(face) > 0) {
        hb_set_t *has = hb_set_create();
        hb_face_collect_unicodes(face, has);
        missing = g_array_new(FALSE, FALSE, sizeof(gunichar));
        for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(wanted, &c);) {
            gunichar u = c;
            if (!hb_set_has(has, c) && g_unichar_isgraph(u))
                g_array_append_val(missing, u);
        }
        hb_set_destroy(has);
    }
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return missing;
}
