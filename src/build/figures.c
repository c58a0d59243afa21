/* Figure images resolved to bytes before any writer runs. */
#include "imprint/build.h"

#include <glib.h>
#include <string.h>

#include "build/image.h"
#include "read/file.h"

/* Whether the figure's file may be read: inside the edition's folder or its
 * source's, or anywhere when the edition allows it. */
static bool allowed(const imprint_edition *e, const char *path, const char *source_dir)
{
    return !e || e->allow_outside_files || imprint_file_inside(path, e->dir) ||
           imprint_file_inside(path, source_dir);
}

static void resolve_one(imprint_doc *doc, const imprint_edition *e, imprint_node *fig,
                        imprint_diags *diags)
{
    const imprint_node *article = imprint_node_article(fig);
    if (!fig->as.figure.src || !article || !article->as.article.source_file)
        return;
    char *dir = g_path_get_dirname(article->as.article.source_file);
    char *path = g_build_filename(dir, fig->as.figure.src, NULL);
    bool ok = !g_file_test(path, G_FILE_TEST_EXISTS) || allowed(e, path, dir);
    g_free(dir);
    if (!ok) {
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, fig->pos,
                             "image %s is outside the edition's folder and the source's: a "
                             "placeholder stands for it (write 'allow-outside-files: true' in the "
                             "edition to use it)",
                             path);
        g_free(path);
        return;
    }
    guint8 *data = NULL;
    size_t len = 0;
    const char *type = NULL;
    char *error = NULL;
    switch (build_image_read(path, &data, &len, &type, &error)) {
    case BUILD_IMAGE_OK:
        fig->as.figure.image.data =
            (const unsigned char *)imprint_arena_strndup(doc->arena, (const char *)data, len);
        fig->as.figure.image.size = len;
        fig->as.figure.image.media_type = type;
        break;
    case BUILD_IMAGE_MISSING:
        break; /* the reader reported it with the placeholder */
    case BUILD_IMAGE_UNREADABLE:
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, fig->pos,
                             "cannot read image %s: %s; a placeholder stands for it", path, error);
        break;
    case BUILD_IMAGE_TOO_LARGE:
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, fig->pos,
                             "image %s is larger than %u MB: a placeholder stands for it", path,
                             IMPRINT_BUILD_MAX_IMAGE_BYTES / (1024 * 1024));
        break;
    case BUILD_IMAGE_NOT_IMAGE:
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, fig->pos,
                             "%s is not a PNG or JPEG image: a placeholder stands for it", path);
        break;
    }
    g_free(data);
    g_free(error);
    g_free(path);
}

static void resolve_subtree(imprint_doc *doc, const imprint_edition *e, const imprint_node *root,
                            imprint_diags *diags)
{
    imprint_iter it;
    imprint_iter_init(&it, root);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        if (it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_FIGURE)
            resolve_one(doc, e, (imprint_node *)it.node, diags);
}

void imprint_build_figures(imprint_doc *doc, const imprint_edition *edition, imprint_diags *diags)
{
    for (const imprint_node *a = doc->root->first_child; a; a = a->next) {
        resolve_subtree(doc, edition, a, diags);
        for (const imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note)
            resolve_subtree(doc, edition, n, diags);
    }
}
